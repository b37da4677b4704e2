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
//! lie apart, the text in columns by field ([`COLUMNS`]): a head of the
//! numbers' length and the columns' lengths, then the numbers, then the
//! columns.

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
    let mut writer = Writer { numbers: Vec::with_capacity(4 * 1024), columns: std::array::from_fn(|_| Vec::new()), column: 0 };
    plan.put(&mut writer);
    let mut out = Vec::with_capacity(64 * 1024);
    put_number(&mut out, writer.numbers.len() as u64);
    for text in &writer.columns {
        put_number(&mut out, text.len() as u64);
    }
    out.extend_from_slice(&writer.numbers);
    for text in &writer.columns {
        out.extend_from_slice(text);
    }
    out
}

/// The plan packed by [`pack`].
pub fn unpack(bytes: &[u8]) -> Result<Plan, UnpackError> {
    let mut head = Stream { rest: bytes };
    let numbers_len = head.length()?;
    let mut lengths = [0; COLUMNS];
    for len in &mut lengths {
        *len = head.length()?;
    }
    let numbers = Stream { rest: head.bytes(numbers_len)? };
    let mut columns = [Stream { rest: &[] }; COLUMNS];
    for (column, len) in columns.iter_mut().zip(lengths) {
        *column = Stream { rest: head.bytes(len)? };
    }
    let mut reader = Reader { numbers, columns, column: 0 };
    let plan = Plan::take(&mut reader)?;
    match head.rest.is_empty() && reader.numbers.rest.is_empty() && reader.columns.iter().all(|c| c.rest.is_empty()) {
        true => Ok(plan),
        false => Err(UnpackError::TrailingBytes),
    }
}

/// Columns of text: each field's text goes to the column its name hashes to
/// ([`column_of`]), so that all initiatives' texts lie together, all
/// schedule labels together, …: that compresses better than text among
/// numbers. Two fields sharing a column cost only some compression.
const COLUMNS: usize = 64;

/// Ends each text in its column: a byte UTF-8 never has, so text needs no
/// length (lengths among the numbers compress badly).
const END: u8 = 0xff;

/// The column of a field named `Type.field` (FNV-1a).
const fn column_of(name: &str) -> u8 {
    let bytes = name.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash = (hash ^ bytes[i] as u32).wrapping_mul(0x0100_0193);
        i += 1;
    }
    (hash % COLUMNS as u32) as u8
}

/// Where packing writes: numbers (lengths of lists included) in one stream,
/// text in columns.
struct Writer {
    numbers: Vec<u8>,
    columns: [Vec<u8>; COLUMNS],
    /// The column of the field being packed.
    column: u8,
}

impl Writer {
    fn text(&mut self, text: &str) {
        let column = &mut self.columns[usize::from(self.column) % COLUMNS];
        column.extend_from_slice(text.as_bytes());
        column.push(END);
    }
}

/// Reads what [`Writer`] wrote.
struct Reader<'a> {
    numbers: Stream<'a>,
    columns: [Stream<'a>; COLUMNS],
    column: u8,
}

impl<'a> Reader<'a> {
    fn number(&mut self) -> Result<u64, UnpackError> {
        self.numbers.number()
    }

    /// The next text of the field's column, without its end.
    fn text(&mut self) -> Result<&'a [u8], UnpackError> {
        let column = &mut self.columns[usize::from(self.column) % COLUMNS];
        let len = column.rest.iter().position(|&b| b == END).ok_or(UnpackError::Truncated)?;
        let text = column.bytes(len)?;
        column.bytes(1)?;
        Ok(text)
    }

    fn left(&self) -> usize {
        self.numbers.rest.len() + self.columns.iter().map(|c| c.rest.len()).sum::<usize>()
    }
}

/// Bytes read from the front.
#[derive(Clone, Copy)]
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
        let mut items = Vec::with_capacity(len.min(reader.left()));
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
                    out.column = const { column_of(concat!(stringify!($t), ".", stringify!($field))) };
                    $field.put(out);
                )*
            }
            fn take(reader: &mut Reader) -> Result<Self, UnpackError> {
                Ok($t { $($field: {
                    reader.column = const { column_of(concat!(stringify!($t), ".", stringify!($field))) };
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
