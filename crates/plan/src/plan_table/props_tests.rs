//! Whatever table the importer accepts, it writes as a plan file that reads
//! back unchanged; and the columns' order does not matter.

use proptest::prelude::*;
use proptest::sample::select;

use super::read_plan_table;
use crate::import::to_json;
use crate::plan::Plan;
use crate::test_strategies::config;

const HEADER: [&str; 10] =
    ["番号", "基本目標", "施策", "事業", "重点", "数値目標", "2024年度", "2025年度", "備考", "担当課"];

fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        select(vec!["○", "-", "→", "実施", "検討", "①", "２", "<b>x</b>", "=SUM(A1)", "\"引用\"", "改行\nあり"])
            .prop_map(str::to_string),
        "[あ-ん・、ア-ン0-9a-z（）()%]{1,12}",
    ]
}

fn row() -> impl Strategy<Value = Vec<String>> {
    (
        select(vec!["", "産業振興", "雇用", "ＤＸ"]),
        select(vec!["", "① 創業", "② 承継", "販路"]),
        "[あ-ん]{1,8}",
        select(vec!["", "○", "-", "重"]),
        prop::collection::vec(cell(), 5),
    )
        .prop_map(|(policy, sub, text, priority, rest)| {
            let mut row = vec![String::new(), policy.to_string(), sub.to_string(), text, priority.to_string()];
            row.extend(rest);
            row
        })
}

fn table(rows: &[Vec<String>], order: &[usize]) -> Vec<u8> {
    let mut writer = csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    writer.write_record(["計画名", "架空市計画"]).expect("writes");
    writer.write_record(["自治体", "架空市"]).expect("writes");
    writer.write_record(order.iter().map(|&c| HEADER[c])).expect("writes");
    for (n, row) in rows.iter().enumerate() {
        let mut cells = row.clone();
        cells[0] = (n + 1).to_string();
        writer.write_record(order.iter().map(|&c| cells[c].as_str())).expect("writes");
    }
    writer.into_inner().expect("flushes")
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    /// …and through the packed form a build embeds it in.
    fn an_accepted_table_round_trips_through_plan_json(mut rows in prop::collection::vec(row(), 1..30)) {
        // The first row names its levels, so that most tables are accepted.
        rows[0][1] = "産業振興".into();
        rows[0][2] = "① 創業".into();
        let identity: Vec<usize> = (0..HEADER.len()).collect();
        if let Ok(plan) = read_plan_table("t.csv", &table(&rows, &identity)) {
            let json = to_json(&plan).expect("writes");
            prop_assert_eq!(Plan::from_json(&json).expect("reads"), plan.clone());
            prop_assert_eq!(crate::plan_pack::unpack(&crate::plan_pack::pack(&plan)), Ok(plan));
        }
    }

    #[test]
    fn columns_in_any_order_read_the_same(
        rows in prop::collection::vec(row(), 1..20),
        order in Just((0..HEADER.len()).collect::<Vec<usize>>()).prop_shuffle(),
    ) {
        let identity: Vec<usize> = (0..HEADER.len()).collect();
        let straight = read_plan_table("t.csv", &table(&rows, &identity));
        let shuffled = read_plan_table("t.csv", &table(&rows, &order));
        match (straight, shuffled) {
            (Ok(a), Ok(b)) => {
                // Custom fields follow the columns' order; this table has one.
                prop_assert_eq!(a, b);
            }
            (Err(a), Err(b)) => {
                // The same problems, found in the same cells (columns moved).
                prop_assert_eq!(a.to_string().lines().count(), b.to_string().lines().count());
            }
            (a, b) => prop_assert!(false, "one order read and the other did not: {:?} / {:?}", a, b),
        }
    }
}
