//! The plan in the compact form the app embeds ([`crate::EMBEDDED_PLAN_PACK`],
//! written by `build.rs` from the plan file). Every visitor downloads and
//! reads it at start-up: reading it takes a few lines per type, where the
//! plan's JSON needs a JSON parser and a derived reader per type in the first
//! wasm file. Plan files people keep or exchange stay JSON.
//!
//! The same build writes and reads it, so it carries no version: fields in
//! declaration order; numbers as LEB128; strings as UTF-8 and an end byte;
//! an `Option` as 0 or 1 and the value; a list as its length and items. Each
//! type is taken apart with all its fields named, so a field added to the
//! model does not compile until it is packed too. The numbers and the text
//! lie apart, the text in a column per field ([`Writer`]): a head of the
//! numbers' length, the columns' count and their lengths, then the numbers,
//! then the columns.

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
    let mut writer = Writer { numbers: Vec::with_capacity(4 * 1024), columns: Vec::new(), field: "" };
    plan.put(&mut writer);
    let mut out = Vec::with_capacity(64 * 1024);
    put_number(&mut out, writer.numbers.len() as u64);
    put_number(&mut out, writer.columns.len() as u64);
    for (_, text) in &writer.columns {
        put_number(&mut out, text.len() as u64);
    }
    out.extend_from_slice(&writer.numbers);
    for (_, text) in &writer.columns {
        out.extend_from_slice(text);
    }
    out
}

/// The plan packed by [`pack`].
pub fn unpack(bytes: &[u8]) -> Result<Plan, UnpackError> {
    let mut head = Stream { rest: bytes };
    let numbers_len = head.length()?;
    let count = head.length()?;
    // Every column's length takes a byte at least: a corrupt count cannot reserve more.
    let mut lengths = Vec::with_capacity(count.min(head.rest.len()));
    for _ in 0..count {
        lengths.push(head.length()?);
    }
    let numbers = Stream { rest: head.bytes(numbers_len)? };
    let mut columns = Vec::with_capacity(lengths.len());
    for len in lengths {
        columns.push((None, Stream { rest: head.bytes(len)? }));
    }
    if !head.rest.is_empty() {
        return Err(UnpackError::TrailingBytes);
    }
    let mut reader = Reader { numbers, columns, opened: 0, field: "" };
    let plan = Plan::take(&mut reader)?;
    match reader.numbers.rest.is_empty() && reader.columns.iter().all(|(_, c)| c.rest.is_empty()) {
        true => Ok(plan),
        false => Err(UnpackError::TrailingBytes),
    }
}

/// Ends each text in its column: a byte UTF-8 never has, so text needs no
/// length (lengths among the numbers compress badly).
const END: u8 = 0xff;

/// Where packing writes: numbers (lengths included) in one stream, and the
/// text of each field in a column of its own (all initiatives' texts
/// together, all schedule labels together, …), which compresses better than
/// text between numbers. Columns are in the order their first text is met.
struct Writer {
    numbers: Vec<u8>,
    columns: Vec<(&'static str, Vec<u8>)>,
    /// The field being packed, as `Type.field`: its text goes to its column.
    field: &'static str,
}

impl Writer {
    fn text(&mut self, text: &str) {
        let at = match self.columns.iter().position(|(name, _)| *name == self.field) {
            Some(at) => at,
            None => {
                self.columns.push((self.field, Vec::new()));
                self.columns.len() - 1
            }
        };
        let column = &mut self.columns[at].1;
        column.extend_from_slice(text.as_bytes());
        column.push(END);
    }
}

/// Reads what [`Writer`] wrote, meeting the columns in the same order.
struct Reader<'a> {
    numbers: Stream<'a>,
    /// Each column, with the field it was found to be once its first text is read.
    columns: Vec<(Option<&'static str>, Stream<'a>)>,
    opened: usize,
    field: &'static str,
}

impl<'a> Reader<'a> {
    fn number(&mut self) -> Result<u64, UnpackError> {
        self.numbers.number()
    }

    /// The next text of the field's column, without its end.
    fn text(&mut self) -> Result<&'a [u8], UnpackError> {
        let field = self.field;
        let at = match self.columns[..self.opened].iter().position(|(name, _)| *name == Some(field)) {
            Some(at) => at,
            None => {
                let (name, _) = self.columns.get_mut(self.opened).ok_or(UnpackError::Invalid("column"))?;
                *name = Some(field);
                self.opened += 1;
                self.opened - 1
            }
        };
        let column = &mut self.columns[at].1;
        let len = column.rest.iter().position(|&b| b == END).ok_or(UnpackError::Truncated)?;
        let text = column.bytes(len)?;
        column.bytes(1)?;
        Ok(text)
    }
}

impl Reader<'_> {
    fn text_left(&self) -> usize {
        self.columns.iter().map(|(_, c)| c.rest.len()).sum()
    }
}

/// Bytes read from the front.
struct Stream<'a> {
    rest: &'a [u8],
}

impl<'a> Stream<'a> {
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

    fn length(&mut self) -> Result<usize, UnpackError> {
        usize::try_from(self.number()?).map_err(|_| UnpackError::Invalid("usize"))
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
    fn put(&self, out: &mut Writer);
    fn take(reader: &mut Reader) -> Result<Self, UnpackError>;
}

/// Unsigned numbers, checked against their type's range when read.
macro_rules! packed_number {
    ($($t:ty),*) => {$(
        impl Packed for $t {
            fn put(&self, out: &mut Writer) {
                put_number(&mut out.numbers, *self as u64);
            }
            fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
                <$t>::try_from(reader.number()?).map_err(|_| UnpackError::Invalid(stringify!($t)))
            }
        }
    )*};
}
packed_number!(u8, u16, usize);

impl Packed for bool {
    fn put(&self, out: &mut Writer) {
        put_number(&mut out.numbers, u64::from(*self));
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
    fn put(&self, out: &mut Writer) {
        put_number(&mut out.numbers, u64::from(*self));
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        let n = u32::try_from(reader.number()?).map_err(|_| UnpackError::Invalid("char"))?;
        char::from_u32(n).ok_or(UnpackError::Invalid("char"))
    }
}

impl Packed for String {
    fn put(&self, out: &mut Writer) {
        out.text(self);
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        let bytes = reader.text()?;
        String::from_utf8(bytes.to_vec()).map_err(|_| UnpackError::Invalid("String"))
    }
}

impl<T: Packed> Packed for Option<T> {
    fn put(&self, out: &mut Writer) {
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
    fn put(&self, out: &mut Writer) {
        self.len().put(out);
        for item in self {
            item.put(out);
        }
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        let len = usize::take(reader)?;
        // Every item takes a byte at least: a corrupt length cannot reserve more.
        let mut items = Vec::with_capacity(len.min(reader.numbers.rest.len() + reader.text_left()));
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
            fn put(&self, out: &mut Writer) {
                let $t { $($field),* } = self;
                $(
                    out.field = concat!(stringify!($t), ".", stringify!($field));
                    $field.put(out);
                )*
            }
            fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
                Ok($t { $($field: {
                    reader.field = concat!(stringify!($t), ".", stringify!($field));
                    Packed::take(reader)?
                }),* })
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
    fn put(&self, out: &mut Writer) {
        self.0.put(out);
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        u16::take(reader).map(FiscalYear)
    }
}

impl Packed for FirstPlan {
    fn put(&self, out: &mut Writer) {
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
    fn put(&self, out: &mut Writer) {
        self.index().put(out);
    }
    fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
        Status::ALL.get(usize::take(reader)?).copied().ok_or(UnpackError::Invalid("Status"))
    }
}

impl Packed for KpiRole {
    fn put(&self, out: &mut Writer) {
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
