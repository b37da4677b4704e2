//! Plans opened in this browser (「別の計画を開く」): a plan table or plan
//! file read into a [`Plan`], kept under its id beside a list of what is
//! kept, and opened again by `plan=saved:<id>`. Each keeps its own progress
//! record, as every plan does (`progress::stored::storage_key`).

use serde::{Deserialize, Serialize};

use crate::import::to_json;
use crate::plan::Plan;
use crate::plan_table::{read_plan_table, PlanTableError, MAX_BYTES};
use crate::view_state::SavedPlanId;
use crate::workbook::WorkbookError;

/// The list of kept plans.
pub const INDEX_KEY: &str = "kama-sme-tracker:plans";

/// Where a kept plan's file is.
pub fn plan_key(id: &SavedPlanId) -> String {
    format!("kama-sme-tracker:plan:{}", id.as_str())
}

/// One kept plan, as the list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShelfEntry {
    pub id: String,
    pub title: String,
    pub municipality: String,
    pub initiatives: usize,
}

impl ShelfEntry {
    pub fn of(plan: &Plan) -> ShelfEntry {
        ShelfEntry {
            id: plan.plan.id.clone(),
            title: plan.plan.title.clone(),
            municipality: plan.plan.municipality.clone(),
            initiatives: plan.initiatives.len(),
        }
    }

    /// `None` for an id no address may carry (an edited index).
    pub fn saved_id(&self) -> Option<SavedPlanId> {
        SavedPlanId::parse(&self.id)
    }
}

/// The list as stored. A list that cannot be read is empty: the plans'
/// own keys stay, and opening a plan again lists it.
pub fn read_index(text: Option<&str>) -> Vec<ShelfEntry> {
    text.and_then(|t| serde_json::from_str(t).ok()).unwrap_or_default()
}

pub fn index_json(entries: &[ShelfEntry]) -> String {
    serde_json::to_string(entries).unwrap_or_else(|_| "[]".into())
}

/// `entries` with `entry` in it, replacing one of the same id.
pub fn with(mut entries: Vec<ShelfEntry>, entry: ShelfEntry) -> Vec<ShelfEntry> {
    match entries.iter_mut().find(|e| e.id == entry.id) {
        Some(kept) => *kept = entry,
        None => entries.push(entry),
    }
    entries
}

pub fn without(entries: Vec<ShelfEntry>, id: &str) -> Vec<ShelfEntry> {
    entries.into_iter().filter(|e| e.id != id).collect()
}

/// Why a chosen file was not opened as a plan. Nothing was kept.
#[derive(Debug, Clone, PartialEq)]
pub enum OpenPlanError {
    Table(PlanTableError),
    /// A .json file that is not a plan file, in the reader's words.
    NotAPlan(String),
    /// A plan whose id an address cannot carry.
    BadId(String),
    /// The plan this page is built with: it is open already.
    Embedded,
}

/// The plan in a chosen file: a plan table, or a plan file (.json).
pub fn open_file(name: &str, bytes: &[u8], embedded_id: &str) -> Result<Plan, OpenPlanError> {
    let plan = if name.to_ascii_lowercase().ends_with(".json") {
        if bytes.len() > MAX_BYTES {
            let too_large = WorkbookError::TooLarge { bytes: bytes.len(), max: MAX_BYTES };
            return Err(OpenPlanError::Table(PlanTableError::Workbook(too_large)));
        }
        let text = std::str::from_utf8(bytes).map_err(|e| OpenPlanError::NotAPlan(e.to_string()))?;
        Plan::from_json(text.trim_start_matches('\u{feff}')).map_err(|e| OpenPlanError::NotAPlan(e.to_string()))?
    } else {
        read_plan_table(name, bytes).map_err(OpenPlanError::Table)?
    };
    if plan.plan.id == embedded_id {
        return Err(OpenPlanError::Embedded);
    }
    if SavedPlanId::parse(&plan.plan.id).is_none() {
        return Err(OpenPlanError::BadId(plan.plan.id));
    }
    Ok(plan)
}

/// The text kept for a plan: its plan file.
pub fn plan_text(plan: &Plan) -> Result<String, serde_json::Error> {
    to_json(plan)
}

#[cfg(test)]
#[path = "plan_shelf_tests.rs"]
mod tests;
