use kama_plan::Initiative;
use leptos::prelude::*;

use crate::i18n::{self, t};

/// 重点 / 第1次計画との関連 / 実施方針区分 / 再掲 as compact labels. Both of the
/// middle two can read 「継続」, so each shows a short key for its field.
#[component]
pub fn Badges(
    /// The initiative whose fields are labelled.
    initiative: &'static Initiative,
) -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        <span class="badges">
            {initiative.priority.then(|| view! {
                <span class="badge badge-priority" title=t(i18n::PRIORITY_LONG)>{t(i18n::PRIORITY)}</span>
            })}
            // The table's word (Japanese in both languages), then the English gloss if any.
            {initiative.first_plan.as_deref().map(|first_plan| view! {
                <span class="badge badge-first" title=t(i18n::FIRST_PLAN)>
                    <span class="badge-key">{t(i18n::FIRST_PLAN_SHORT)}</span>
                    <span lang="ja">{first_plan}</span>
                    {move || {
                        let label = i18n::first_plan_label(lang.get(), first_plan);
                        label.strip_prefix(first_plan).unwrap_or_default().to_string()
                    }}
                </span>
            })}
            {initiative.direction.as_deref().map(|d| view! {
                <span class="badge badge-direction" title=t(i18n::DIRECTION)>
                    <span class="badge-key">{t(i18n::DIRECTION_SHORT)}</span>
                    <span lang="ja">{d}</span>
                </span>
            })}
            {initiative.relisted_from.map(|_| view! {
                <span class="badge badge-relisted">{t(i18n::RELISTED)}</span>
            })}
        </span>
    }
}
