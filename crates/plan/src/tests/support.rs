//! Helpers the crate's tests share: the real plan and ids written as in the table.

use crate::plan::{InitiativeId, KpiCode, Plan};

pub fn plan() -> Plan {
    Plan::from_json(crate::PLAN_JSON).expect("plan.json parses")
}

/// Kama's plan with statuses of its own: four of the six, three reworded
/// (未実施, 実施中, 完了, 休止), in an order of its own.
pub fn plan_with_own_statuses() -> Plan {
    use crate::scales::{Status, StatusChoice};
    let word = |code, ja: &str, en: &str| StatusChoice { code, ja: ja.into(), en: en.into() };
    let mut plan = plan();
    plan.evaluation.statuses = vec![
        word(Status::NotStarted, "未実施", "Not done"),
        word(Status::InProgress, "実施中", "Under way"),
        word(Status::Stopped, "休止", "Paused"),
        word(Status::Done, "完了", "Done"),
    ];
    plan
}

/// `"2-①-a"` (or `"2-1-a"`) as an id.
pub fn id(s: &str) -> InitiativeId {
    s.parse().expect("a valid initiative id")
}

/// `"2-2"` as a KPI code.
pub fn code(s: &str) -> KpiCode {
    s.parse().expect("a valid KPI code")
}

/// A record's cells and clearings without its history: what merging decides,
/// compared where the histories of two sides are unioned.
pub fn cells(record: &crate::progress::Record) -> crate::progress::Record {
    crate::progress::Record { history: Default::default(), ..record.clone() }
}

/// A record for a round of requests: 2024's answers and 2025's 担当 of a few
/// initiatives (商工観光課, 商工会, 商工会議所; one with two 担当, one carried
/// over, one re-listed elsewhere), text with markup in it, and a KPI value.
pub fn round_record() -> crate::progress::Record {
    use crate::plan::FiscalYear;
    use crate::progress::{InitiativeCell, KpiCell, Record, Stamp, Status};
    let stamp = |author: &str, updated_at| Stamp { author: Some(author.to_string()), updated_at };
    let cell = |owners: &[&str], status, results: &str, at: Stamp| InitiativeCell {
        status,
        results: results.to_string(),
        owners: owners.iter().map(|o| o.to_string()).collect(),
        stamp: at,
        ..InitiativeCell::default()
    };
    let mut record = Record::default();
    let mut put = |initiative: &str, year, c| {
        record.initiatives.insert((id(initiative), FiscalYear(year)), c);
    };
    put("1-①-a", 2023, cell(&["商工観光課"], Some(Status::InProgress), "2023年度の実績", stamp("市", 1)));
    put("1-①-a", 2024, cell(&[], Some(Status::Done), "説明会を２回開催。", stamp("市", 2)));
    put(
        "1-①-b",
        2024,
        cell(&["商工会"], Some(Status::InProgress), "<b>相談会</b> & \"窓口\" <script>x</script>", stamp("商工会", 3)),
    );
    put("1-①-c", 2025, cell(&["商工会", "商工会議所"], None, "", stamp("市", 4)));
    // 4-①-a re-lists 3-①-a.
    put("3-①-a", 2025, cell(&["商工会"], Some(Status::Delayed), "", stamp("商工会", 5)));
    record.kpis.insert(
        (code("1-1"), FiscalYear(2024)),
        KpiCell { actual: Some(12.0), stamp: stamp("市", 6), ..KpiCell::default() },
    );
    record
}

/// `json` with `change` made to its tree: a hand-edited or hostile file.
pub fn edited(json: &str, change: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut value: serde_json::Value = serde_json::from_str(json).expect("JSON written by the app");
    change(&mut value);
    serde_json::to_string_pretty(&value).expect("a tree writes")
}
