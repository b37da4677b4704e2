use kama_plan::PLAN_JSON;

use super::*;

/// Kama's plan, for the life of the test run (the app's components take it so).
fn plan() -> &'static Plan {
    Box::leak(Box::new(Plan::from_json(PLAN_JSON).expect("data/plan.json reads")))
}

#[test]
fn every_initiative_is_a_row_in_plan_order_within_its_sub_policy() {
    let plan = plan();
    let html = first_paint(plan);
    let ids: Vec<&str> =
        html.split(r#"data-initiative-id=""#).skip(1).filter_map(|rest| rest.split('"').next()).collect();
    assert_eq!(ids.len(), plan.initiatives.len());
    let mut expected = Vec::new();
    for policy in &plan.policies {
        for sub in &policy.sub_policies {
            expected.extend(plan.initiatives.iter().filter(|i| i.sub_policy_id() == sub.id).map(|i| i.id.to_string()));
        }
    }
    assert_eq!(ids, expected);
    assert!(html.starts_with(r#"<div id="prerendered">"#) && html.ends_with("</div>"));
    assert!(!html.contains("<!>"), "no hydration markers: the app replaces the first paint");
}

#[test]
fn rows_link_to_the_initiative_and_carry_its_badges() {
    let plan = plan();
    let html = first_paint(plan);
    let priority = plan.initiatives.iter().find(|i| i.priority).expect("the plan has 重点 initiatives");
    let row =
        html.split(&format!(r#"data-initiative-id="{}""#, priority.id)).nth(1).and_then(|r| r.split("</li>").next());
    let row = row.expect("the row is there");
    assert!(row.contains(&format!(r#"href="?id={}""#, priority.id.ascii())), "{row}");
    assert!(row.contains("badge-priority"), "{row}");
    assert!(row.contains(plan.display_name(priority)), "{row}");
    assert_eq!(
        html.matches("badge-relisted").count(),
        plan.initiatives.iter().filter(|i| i.relisted_from.is_some()).count()
    );
}

#[test]
fn plan_text_is_escaped_not_changed() {
    let mut plan = Plan::from_json(PLAN_JSON).expect("reads");
    plan.plan.title = r#"<script>alert("x")</script> & 'y'"#.into();
    plan.initiatives[0].short_name = "<b>取組</b> & x".into();
    let plan: &'static Plan = Box::leak(Box::new(plan));
    let html = first_paint(plan);
    // Text, escaped as text: quotes need no escaping outside attributes.
    assert!(html.contains(r#"<h1 lang="ja">&lt;script&gt;alert("x")&lt;/script&gt; &amp; 'y'</h1>"#), "{html}");
    assert!(!html.contains("<script>"));
    assert!(html.contains("&lt;b&gt;取組&lt;/b&gt; &amp; x"), "the app's row escapes plan text too");
    assert!(!html.contains("<b>"));
    assert!(html.contains("&lt;b&gt;取組&lt;/b&gt; &amp;"), "the app's row escapes plan text too");
    assert!(!html.contains("<b>"));
}

#[test]
fn the_tabs_link_to_every_view_with_the_list_current() {
    let html = first_paint(plan());
    assert!(html.contains(r#"class="view-tabs prerendered-tabs""#), "{html}");
    assert!(
        html.contains(r#"<button type="button" lang="en" disabled class="lang-switch">English</button>"#),
        "inert until the app starts"
    );
    assert!(html.contains(r#"<a href="./" aria-current="page">一覧</a>"#), "{html}");
    assert!(html.contains(r#"<a href="?view=timeline">"#), "{html}");
    assert_eq!(html.matches("aria-current").count(), 1);
}

#[test]
fn inserted_at_the_end_of_the_body_after_the_notice_once() {
    let page = "<!doctype html><html lang=ja><head></head><body><noscript>x</noscript></body></html>";
    let done = insert(page, r#"<div id="prerendered">P</div>"#).expect("has a body");
    assert_eq!(
        done,
        r#"<!doctype html><html lang=ja><head></head><body><noscript>x</noscript><div id="prerendered">P</div></body></html>"#
    );
    assert_eq!(insert(&done, "again"), Err(InsertError::AlreadyThere));
    assert_eq!(insert("<html></html>", "P"), Err(InsertError::NoBody));
}

#[test]
fn a_hidden_notice_waits_for_the_app_failing_to_start() {
    let html = first_paint(plan());
    let notice = html.split(r#"<div class="notice warning boot-failed" role="alert" hidden>"#).nth(1);
    let notice = notice.and_then(|n| n.split("</div>").next()).expect("the notice is there, hidden");
    assert!(notice.contains(i18n::APP_FAILED.ja) && notice.contains(i18n::APP_FAILED.en), "{notice}");
}

#[test]
fn the_record_bar_says_read_only_with_an_inert_button() {
    let html = first_paint(plan());
    let bar = html
        .split(r#"<div class="record-bar no-print" role="region""#)
        .nth(1)
        .and_then(|b| b.split("</div></div>").next());
    let bar = bar.expect("the record bar is there");
    assert!(bar.contains(i18n::READ_ONLY_RECORD.ja), "{bar}");
    assert!(bar.contains(r#"id="start-recording""#) && bar.contains("disabled"), "{bar}");
}

#[test]
fn the_page_and_its_manifest_are_named_from_the_plan() {
    let template =
        kama_plan::plan_table::read_plan_table("plan-template.csv", include_bytes!("../../../data/plan-template.csv"))
            .expect("the template imports");
    let page = r#"<head><title>plan-page-title</title><meta content=plan-page-description name=description></head>"#;
    let named = crate::name_the_page(page, &template).expect("has the slots");
    assert!(named.contains("<title>第2次○○市中小企業振興基本計画（記入例） — 進捗トラッカー</title>"), "{named}");
    assert!(
        named.contains(r#"content="○○市 第2次○○市中小企業振興基本計画（記入例）（2025〜2029年度）の5の取組"#),
        "{named}"
    );
    assert!(!named.contains("嘉麻"));
    assert_eq!(crate::name_the_page("<title></title>", &template), Err(crate::InsertError::NoSlot(crate::TITLE_SLOT)));

    let manifest = crate::manifest(include_str!("../../../public/manifest.webmanifest"), &template).expect("json");
    let manifest: serde_json::Value = serde_json::from_str(&manifest).expect("json");
    assert_eq!(manifest["name"], "第2次○○市中小企業振興基本計画（記入例） 進捗トラッカー");
    assert_eq!(manifest["short_name"], "○○市 計画の進捗");
    assert_eq!(manifest["start_url"], "./", "the rest is kept");

    let kama = crate::name_the_page(page, plan()).expect("has the slots");
    assert!(kama.contains("<title>第2次嘉麻市中小企業振興基本計画 — 進捗トラッカー</title>"), "{kama}");
}
