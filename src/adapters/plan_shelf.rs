//! The plans 「別の計画を開く」 keeps in this browser's storage: each plan's
//! file under its key and the list beside them (`kama_plan::plan_shelf`
//! decides the keys and the list; this writes them).

use kama_plan::plan_shelf::{self, ShelfEntry};
use kama_plan::view_state::SavedPlanId;
use kama_plan::Plan;

use super::storage::{self, StorageFailure};

/// The list as stored; empty when there is none or it cannot be read.
pub fn kept() -> Vec<ShelfEntry> {
    plan_shelf::read_index(storage::read(plan_shelf::INDEX_KEY).ok().flatten().as_deref())
}

/// Keeps `plan` and lists it; nothing is listed when the plan itself could
/// not be kept.
pub fn keep(plan: &Plan) -> Result<SavedPlanId, StorageFailure> {
    let unusable = |why: String| StorageFailure::Unavailable(super::BrowserError(why));
    let id = SavedPlanId::parse(&plan.plan.id).ok_or_else(|| unusable(format!("plan id {}", plan.plan.id)))?;
    let text = plan_shelf::plan_text(plan).map_err(|e| unusable(e.to_string()))?;
    storage::write(&plan_shelf::plan_key(&id), &text)?;
    storage::write(plan_shelf::INDEX_KEY, &plan_shelf::index_json(&plan_shelf::with(kept(), ShelfEntry::of(plan))))?;
    Ok(id)
}

/// Removes a kept plan and unlists it; the list as it now is. Its progress
/// record stays, under the plan's id, for when it is opened again.
pub fn remove(entry: &ShelfEntry) -> Result<Vec<ShelfEntry>, StorageFailure> {
    if let Some(id) = entry.saved_id() {
        storage::remove(&plan_shelf::plan_key(&id));
    }
    let list = plan_shelf::without(kept(), &entry.id);
    storage::write(plan_shelf::INDEX_KEY, &plan_shelf::index_json(&list))?;
    Ok(list)
}
