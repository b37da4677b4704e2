//! Any file a user gives the page: a progress record, a request (照会) or an
//! answer (回答), told apart by its `format` and read completely, so a bad
//! file changes nothing.

use super::answer::{self, Answer};
use super::document;
use super::exchange::{header, ExchangeError, FileKind};
use super::request::{self, Request};
use super::Record;
use crate::plan::Plan;

/// A file read and checked, whatever its kind.
#[derive(Debug, Clone, PartialEq)]
pub enum Opened {
    Progress(Record),
    Request(Request),
    Answer(Answer),
}

/// Reads any of the three kinds, checked completely against `plan`.
pub fn open(text: &str, plan: &Plan, max_bytes: usize) -> Result<Opened, ExchangeError> {
    match header(text, max_bytes)? {
        FileKind::Progress => {
            document::from_json(text, plan, max_bytes).map(Opened::Progress).map_err(ExchangeError::Progress)
        }
        FileKind::Request => request::parse(text, plan, max_bytes).map(Opened::Request),
        FileKind::Answer => answer::parse(text, plan, max_bytes).map(Opened::Answer),
    }
}

#[cfg(test)]
#[path = "incoming_tests.rs"]
mod tests;
