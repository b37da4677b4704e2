//! Every interface string, Japanese and English, in one table. Plan text
//! (names, 取組, 現状, …) is never translated: it is shown as published.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// The `lang` attribute value.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
        }
    }
}

/// One interface string in both languages.
#[derive(Debug, Clone, Copy)]
pub struct Msg {
    pub ja: &'static str,
    pub en: &'static str,
}

impl Msg {
    pub fn get(self, lang: Lang) -> &'static str {
        match lang {
            Lang::Ja => self.ja,
            Lang::En => self.en,
        }
    }
}

/// The current interface language, provided by the app at its root.
#[derive(Debug, Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

/// The interface language as a signal (Japanese when no app provides one).
pub fn use_lang() -> Signal<Lang> {
    let lang = use_context::<UiLang>().map(|l| l.0);
    Signal::derive(move || lang.map(|l| l.get()).unwrap_or_default())
}

/// Reactive lookup of one string, for use inside `view!`.
pub fn t(msg: Msg) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    let lang = use_lang();
    move || msg.get(lang.get())
}

/// 第1次計画との関連 as the table writes it, with a gloss in English.
pub fn first_plan_label(lang: Lang, first: kama_plan::FirstPlan) -> String {
    use kama_plan::FirstPlan::*;
    match lang {
        Lang::Ja => first.as_ja().to_string(),
        Lang::En => format!(
            "{} ({})",
            first.as_ja(),
            match first {
                Continued => "continued",
                New => "new",
                Revised => "revised",
            }
        ),
    }
}

/// 「86件中 22件」 / "22 of 86".
pub fn result_count(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("{total}件中 {shown}件"),
        Lang::En => format!("{shown} of {total}"),
    }
}

macro_rules! messages {
    ($($name:ident = $ja:literal, $en:literal;)*) => {
        $(pub const $name: Msg = Msg { ja: $ja, en: $en };)*
    };
}

messages! {
    APP_NAME = "中小企業振興基本計画トラッカー", "SME Plan Tracker";
    PAGE_TITLE = "第2次嘉麻市中小企業振興基本計画 — 進捗トラッカー", "Kama City 2nd SME Promotion Basic Plan — Tracker";
    MUNICIPALITY = "嘉麻市", "Kama City";
    PLAN_PERIOD = "令和5年度（2023年度）〜令和9年度（2027年度）", "FY2023–FY2027 (R5–R9)";
    INITIATIVE_COUNT_SUFFIX = "件の取組", " initiatives";
    PLAN_STRUCTURE = "計画の体系", "Plan structure";
    PRIORITY = "重点", "Priority";
    PRIORITY_LONG = "重要課題に位置づけ", "Marked as a key issue (重)";
    FIRST_PLAN = "第1次計画との関連", "Relation to the 1st plan";
    FIRST_PLAN_SHORT = "第1次", "1st plan";
    DIRECTION = "実施方針区分", "Implementation direction";
    DIRECTION_SHORT = "方針", "Direction";
    DIRECTION_NONE = "未記載", "Not stated";
    RELISTED = "再掲", "Re-listed";
    TEXT = "取組", "Initiative";
    SHORT_NAME = "取組略称", "Short name";
    SITUATION = "現状", "Current situation";
    KPIS = "関連する数値目標", "Related numeric targets (KPIs)";
    KPI_RELATED = "関連目標", "Related";
    KPI_NONE = "なし", "None";
    SCHEDULE = "年次別実行スケジュール", "Schedule by fiscal year";
    SCHEDULE_NONE = "記載なし", "Not stated";
    SCHEDULE_INFERRED = "期間は推定（表の配置から確定できないため計画期間全体としています）", "Span inferred (the table's layout does not settle it; the whole plan period is assumed)";
    SCHEDULE_ACTIVITY = "取組内容", "Activity";
    SCHEDULE_PERIOD = "期間", "Period";
    REMARKS = "備考", "Remarks";
    RELISTED_FROM = "再掲元", "Re-listed from";
    RELISTED_IN = "再掲先", "Re-listed in";
    SKIP_TO_MAIN = "本文へ移動", "Skip to content";
    VIEWS = "表示の切り替え", "Views";
    VIEW_LIST = "一覧", "List";
    TIMELINE = "スケジュール（タイムライン）", "Schedule timeline";
    CURRENT_FY = "今年度", "This FY";
    INFERRED_SHORT = "・期間は推定", ", span inferred";
    LEGEND_BAR = "実施期間", "Activity span";
    LEGEND_INFERRED_BAR = "期間は推定（表から確定できない）", "Span inferred (not settled by the table)";
    LEGEND_CURRENT_FY = "今年度（4月始まり）", "Current fiscal year (from April)";
    FILTERS = "絞り込み・検索", "Filter and search";
    SEARCH = "キーワード検索", "Search";
    SEARCH_PLACEHOLDER = "例：デジタル、創業、2-①-a", "e.g. デジタル, 創業, 2-①-a";
    CLEAR_ALL = "条件をすべて解除", "Clear all";
    NO_MATCHES = "条件に合う取組はありません。", "No initiative matches.";
    PRIORITY_ONLY = "重点（重要課題）のみ", "Key issues (重) only";
    FISCAL_YEAR = "実施年度", "Fiscal year of activity";
    FOLD_RELISTED = "再掲の取組を元の取組にまとめる", "Fold re-listed initiatives into their originals";
    DOWNLOADS = "データのダウンロード", "Download the data";
    JSON_WHOLE = "JSON（計画全体）", "JSON (whole plan)";
    CSV_WHOLE = "CSV・Excel用（計画全体）", "CSV for Excel (whole plan)";
    FILTERED_VIEW = "表示中の取組のみ", "shown initiatives only";
    DOWNLOAD_FAILED = "ダウンロードできませんでした。", "The download failed.";
    DETAIL = "取組の詳細", "Initiative details";
    BACK_TO_LIST = "一覧に戻る", "Back to the list";
    SELECT_PROMPT = "左の一覧から取組を選ぶと、詳細が表示されます。", "Choose an initiative from the list to see its details.";
    NOT_IN_RESULTS = "この取組は、いまの絞り込み・検索の結果には含まれていません。", "This initiative is not among the current filter and search results.";
    NOT_FOUND = "指定された取組は見つかりません。", "That initiative does not exist.";
    LOAD_ERROR = "計画データを読み込めませんでした。", "The plan data could not be read.";
    SOURCE_NOTE = "出典：第2次嘉麻市中小企業振興基本計画 実行計画表（表記は原文のまま）", "Source: the plan's action table (text as published)";
    OVERVIEW = "計画の概要", "Plan overview";
    POLICIES = "基本施策（体系分類1）", "Basic policies";
    SUB_POLICIES = "施策（体系分類2）", "Sub-policies";
    INITIATIVES = "取組", "Initiatives";
    PRIORITY_INITIATIVES = "重要課題に位置づけた取組", "Initiatives marked as key issues";
    KPI_COUNT = "数値目標", "Numeric targets (KPIs)";
    LEGEND = "表示の見方", "How to read the labels";
    LEGEND_PRIORITY = "重要課題（表の「重」）", "Key issue (重 in the table)";
    LEGEND_FIRST_PLAN = "第1次計画との関連（継続・新規・改）", "Relation to the 1st plan (continued, new, revised)";
    LEGEND_DIRECTION = "実施方針区分（継続・強化・新規・要検討・拡大など）", "Implementation direction (continue, strengthen, new, to be reviewed, expand…)";
    LEGEND_RELISTED = "他の施策にも掲載されている取組（再掲）", "Also listed under another policy (再掲)";
    OPEN_DATA_FIELDS = "データ項目の説明", "Field documentation";
}
