use kama_plan::Initiative;
use leptos::prelude::*;

use crate::i18n::{self, t};

/// 重点 / 第1次計画との関連 / 実施方針区分 / 再掲 as compact labels. Both of the
/// middle two can read 「継続」, so each shows a short key for its field.
#[component]
pub fn Badges(initiative: &'static Initiative) -> impl IntoView {
    let lang = i18n::use_lang();
    view! {
        <span class="badges">
            {initiative.priority.then(|| view! {
                <span class="badge badge-priority" title=t(i18n::PRIORITY_LONG)>{t(i18n::PRIORITY)}</span>
            })}
            <span class="badge badge-first" title=t(i18n::FIRST_PLAN)>
                <span class="badge-key">{t(i18n::FIRST_PLAN_SHORT)}</span>
                {move || i18n::first_plan_label(lang.get(), initiative.first_plan)}
            </span>
            {initiative.direction.as_deref().map(|d| view! {
                <span class="badge badge-direction" title=t(i18n::DIRECTION)>
                    <span class="badge-key">{t(i18n::DIRECTION_SHORT)}</span>
                    {d}
                </span>
            })}
            {initiative.relisted_from.map(|_| view! {
                <span class="badge badge-relisted">{t(i18n::RELISTED)}</span>
            })}
        </span>
    }
}
