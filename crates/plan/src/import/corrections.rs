//! `data/corrections.toml`: the cases the table's text cannot settle, decided
//! by a person and written down with the reason. Each entry quotes the cell it
//! settles, so a changed source table fails the import instead of silently
//! applying an old decision to new text.

use serde::Deserialize;

use super::error::{ImportError, Problem};
use crate::plan::InitiativeId;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Corrections {
    #[serde(default)]
    pub schedule_in_remarks: Vec<ScheduleInRemarks>,
    #[serde(default)]
    pub forward_pointer: Vec<ForwardPointer>,
}

/// The 備考 cell of this row holds its schedule label; its year cells are empty.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleInRemarks {
    pub id: InitiativeId,
    /// The 備考 cell, verbatim.
    pub text: String,
    pub reason: String,
}

/// This row's text says it is re-listed at `says`, but the row that re-lists
/// it is `relisted_in`. The text stays verbatim; the link follows `relisted_in`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForwardPointer {
    pub id: InitiativeId,
    pub says: String,
    pub relisted_in: InitiativeId,
    pub reason: String,
}

impl Corrections {
    pub fn parse(toml_text: &str) -> Result<Corrections, ImportError> {
        toml::from_str(toml_text).map_err(|e| ImportError::whole(Problem::Corrections(e.to_string())))
    }
}

#[cfg(test)]
#[path = "corrections_props_tests.rs"]
mod props_tests;
