//! The plan in the compact form the app embeds ([`crate::EMBEDDED_PLAN_PACK`],
//! written by `build.rs` from the plan file). Every visitor downloads and
//! reads it at start-up: reading it takes a few lines per type, where the
//! plan's JSON needs a JSON parser and a derived reader per type in the first
//! wasm file. Plan files people keep or exchange stay JSON.
//!
//! The same build writes and reads it, so it carries no version: fields in
//! declaration order; numbers as LEB128; strings as their length and UTF-8;
//! an `Option` as 0 or 1 and the value; a list as its length and items. Each
//! type is taken apart with all its fields named, so a field added to the
//! model does not compile until it is packed too.

use crate::plan::*;
use crate::scales::{Choice, Scales, Status, StatusChoice};

/// Why bytes are not a packed plan. The embedded plan is written by the
/// build, so any of these is a defect of the build, not of someone's input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UnpackError {
    /// The bytes end inside a value.
    Truncated,
    /// A value out of its range: the type's name.
    Invalid(&'static str),
    /// Bytes are left over after the plan.
    TrailingBytes,
}

/// The plan as packed bytes.
pub fn pack(plan: &Plan) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * 1024);
    plan.put(&mut out);
    out
}

/// The plan packed by [`pack`].
pub fn unpack(bytes: &[u8]) -> Result<Plan, UnpackError> {
    let mut reader = Reader { rest: bytes };
    let plan = Plan::take(&mut reader)?;
    match reader.rest.is_empty() {
        true => Ok(plan),
        false => Err(UnpackError::TrailingBytes),
    }
}

struct Reader<'a> {
    rest: &'a [u8],
}

impl<'a> Reader<'a> {
    fn bytes(&mut self, n: usize) -> Result<&'a [u8], UnpackError> {
        if n > self.rest.len() {
            return Err(UnpackError::Truncated);
        }
        let (taken, rest) = self.rest.split_at(n);
        self.rest = rest;
        Ok(taken)
    }

    fn number(&mut self) -> Result<u64, UnpackError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let [byte] = self.bytes(1)? else { return Err(UnpackError::Truncated) };
            value |= u64::from(byte & 0x7f) << shift;
            if byte & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(UnpackError::Invalid("number"))
    }
}

fn put_number(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

trait Packed: Sized {
    fn put(&self, out: &mut Vec<u8>);
    fn take(reader: &mut Reader) -> Result<Self, UnpackError>;
}

/// Unsigned numbers, checked against their type's range when read.
macro_rules! packed_number {
    ($($t:ty),*) => {$(
        impl Packed for $t {
            fn put(&self, out: &mut Vec<u8>) {
                put_number(out, *self as u64);
            }
            fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
                <$t>::try_from(reader.number()?).map_err(|_| UnpackError::Invalid(stringify!($t)))
            }
        }
    )*};
}
packed_number!(u8, u16, usize);

impl Packed for bool {
    fn put(&self, out: &mut Vec<u8>) {
        out.push(u8::from(*self));
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        match u8::take(reader)? {
            0 => Ok(false),
            1 => Ok(true),
            _ => Err(UnpackError::Invalid("bool")),
        }
    }
}

impl Packed for char {
    fn put(&self, out: &mut Vec<u8>) {
        put_number(out, u64::from(*self));
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        let n = u32::try_from(reader.number()?).map_err(|_| UnpackError::Invalid("char"))?;
        char::from_u32(n).ok_or(UnpackError::Invalid("char"))
    }
}

impl Packed for String {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        out.extend_from_slice(self.as_bytes());
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        let len = usize::take(reader)?;
        let bytes = reader.bytes(len)?;
        String::from_utf8(bytes.to_vec()).map_err(|_| UnpackError::Invalid("String"))
    }
}

impl<T: Packed> Packed for Option<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.is_some().put(out);
        if let Some(value) = self {
            value.put(out);
        }
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        match bool::take(reader)? {
            true => T::take(reader).map(Some),
            false => Ok(None),
        }
    }
}

impl<T: Packed> Packed for Vec<T> {
    fn put(&self, out: &mut Vec<u8>) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        let len = usize::take(reader)?;
        // Every item takes a byte at least: a corrupt length cannot reserve more.
        let mut items = Vec::with_capacity(len.min(reader.rest.len()));
        for _ in 0..len {
            items.push(T::take(reader)?);
        }
        Ok(items)
    }
}

/// A struct packed as its fields in order: `put` takes it apart naming every
/// field, so a field added to the model must be added here too.
macro_rules! packed_struct {
    ($($t:ident { $($field:ident),* $(,)? })*) => {$(
        impl Packed for $t {
            fn put(&self, out: &mut Vec<u8>) {
                let $t { $($field),* } = self;
                $($field.put(out);)*
            }
            fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
                Ok($t { $($field: Packed::take(reader)?),* })
            }
        }
    )*};
}

packed_struct! {
    Plan { plan, policies, kpis, initiatives, evaluation }
    PlanMeta { id, title, municipality, fiscal_years, source, level_names, custom_fields, flags }
    Flags { priority, first_plan, direction }
    FiscalYearRange { from, to }
    Policy { code, name, sub_policies }
    SubPolicy { id, code, name }
    SubPolicyId { policy, sub }
    Kpi { code, name, unit, labels }
    KpiCode { policy, number }
    Initiative {
        id, serial, policy, sub_policy, code, text, short_name, priority, first_plan, direction,
        situation, kpis, relisted_from, relisted_in, schedule, remarks, source_line, extra,
    }
    InitiativeId { policy, sub, letter }
    KpiLink { code, role }
    ScheduleItem { label, from, to, inferred }
    Scales { statuses, grades, directions }
    StatusChoice { code, ja, en }
    Choice { code, ja, en }
}

impl Packed for FiscalYear {
    fn put(&self, out: &mut Vec<u8>) {
        self.0.put(out);
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        u16::take(reader).map(FiscalYear)
    }
}

impl Packed for FirstPlan {
    fn put(&self, out: &mut Vec<u8>) {
        let at: u8 = match self {
            FirstPlan::Continued => 0,
            FirstPlan::New => 1,
            FirstPlan::Revised => 2,
        };
        at.put(out);
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        match u8::take(reader)? {
            0 => Ok(FirstPlan::Continued),
            1 => Ok(FirstPlan::New),
            2 => Ok(FirstPlan::Revised),
            _ => Err(UnpackError::Invalid("FirstPlan")),
        }
    }
}

impl Packed for Status {
    fn put(&self, out: &mut Vec<u8>) {
        self.index().put(out);
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        Status::ALL.get(usize::take(reader)?).copied().ok_or(UnpackError::Invalid("Status"))
    }
}

impl Packed for KpiRole {
    fn put(&self, out: &mut Vec<u8>) {
        let related = match self {
            KpiRole::Primary => false,
            KpiRole::Related => true,
        };
        related.put(out);
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        match bool::take(reader)? {
            false => Ok(KpiRole::Primary),
            true => Ok(KpiRole::Related),
        }
    }
}

#[cfg(test)]
#[path = "plan_pack_tests.rs"]
mod tests;
