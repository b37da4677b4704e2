//! Every interface string, Japanese and English, in one table. Plan text
//! (names, 取組, 現状, …) is never translated: it is shown as published.
//! Plain data: the app (`src/i18n.rs` adds its signals) and the prerendered
//! first paint (`prerender`) read the same strings.

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

    /// A level of the plan named as the plan names it: in Japanese the plan's
    /// own word (基本目標, 事業, …: plan text, as published), in English this
    /// message's gloss.
    pub fn with_plan_word(self, word: &'static str) -> Msg {
        Msg { ja: word, en: self.en }
    }
}

/// The filter to the initiatives the plan marks as priority, by the plan's
/// word for the mark: 「重点のみ」.
pub fn priority_only(lang: Lang, word: &str) -> String {
    match lang {
        Lang::Ja => format!("{word}のみ"),
        Lang::En => "Priority only".into(),
    }
}

/// A chart of initiatives per policy by one of the plan's marks, in the
/// plan's words: 「基本施策別の取組数（実施方針区分別）」.
pub fn chart_by_mark_title(lang: Lang, levels: crate::Levels, mark: &str, english: Msg) -> String {
    match lang {
        Lang::Ja => format!("{}別の{}数（{mark}別）", levels.policy, levels.initiative),
        Lang::En => english.en.into(),
    }
}

/// 「86 件の事業」 / "86 initiatives", in the plan's word for its initiatives.
pub fn initiative_count(lang: Lang, count: usize, word: &str) -> String {
    match lang {
        Lang::Ja => format!("{count} 件の{word}"),
        Lang::En => format!("{count} initiatives"),
    }
}

/// The relation to a previous plan as the table writes it; in English, with
/// a gloss where the word is one of Kama's (継続, 新規, 改).
pub fn first_plan_label(lang: Lang, first: &str) -> String {
    match (lang, first_plan_gloss(first)) {
        (Lang::En, Some(gloss)) => format!("{first} ({gloss})"),
        _ => first.to_string(),
    }
}

/// The English gloss of one of Kama's words for the relation to its first plan.
pub fn first_plan_gloss(first: &str) -> Option<&'static str> {
    match first {
        "継続" => Some("continued"),
        "新規" => Some("new"),
        "改" => Some("revised"),
        _ => None,
    }
}

/// 「令和5年度（2023年度）」 / "FY2023 (R5)".
pub fn fiscal_year(lang: Lang, year: crate::FiscalYear) -> String {
    match lang {
        Lang::Ja => year.label_ja(),
        Lang::En => format!("FY{} (R{})", year.0, year.reiwa()),
    }
}

/// The plan's period: 令和5年度（2023年度）〜令和9年度（2027年度）. One
/// `format!` each: this is in the first file every visitor loads.
pub fn plan_period(lang: Lang, years: crate::FiscalYearRange) -> String {
    let (from, to) = (years.from, years.to);
    match lang {
        Lang::Ja => format!("令和{}年度（{}年度）〜令和{}年度（{}年度）", from.reiwa(), from.0, to.reiwa(), to.0),
        Lang::En => format!("FY{}–FY{} (R{}–R{})", from.0, to.0, from.reiwa(), to.reiwa()),
    }
}

/// The tab's title: the plan's own name (verbatim in both languages), then
/// what the page is.
pub fn page_title(lang: Lang, plan_title: &str) -> String {
    match lang {
        Lang::Ja => format!("{plan_title} — 進捗トラッカー"),
        Lang::En => format!("{plan_title} — progress tracker"),
    }
}

/// The installed app's names (the web app manifest is Japanese, as the page):
/// full, and short for a home screen.
pub fn app_names(plan: &crate::Plan) -> (String, String) {
    (format!("{} 進捗トラッカー", plan.plan.title), format!("{} 計画の進捗", plan.plan.municipality))
}

/// What the built page and its manifest say the site is (Japanese: the
/// page's language), from the plan it embeds.
pub fn site_description(plan: &crate::Plan) -> String {
    let years = plan.plan.fiscal_years;
    format!(
        "{} {}（{}〜{}年度）の{}の{}・数値目標・年次別実行スケジュール。",
        plan.plan.municipality,
        plan.plan.title,
        years.from,
        years.to,
        plan.initiatives.len(),
        plan.plan.levels().initiative
    )
}

/// A status as the plan words it.
pub fn status(lang: Lang, scales: &crate::scales::Scales, status: crate::progress::Status) -> &str {
    match lang {
        Lang::Ja => scales.status_ja(status),
        Lang::En => scales.status_en(status),
    }
}

/// Why a progress file was refused, in plain words.
pub fn document_error(lang: Lang, e: &crate::progress::document::DocumentError) -> String {
    use crate::progress::document::DocumentError::*;
    match lang {
        Lang::En => e.to_string(),
        Lang::Ja => match e {
            TooLarge { bytes, max } => format!("ファイルが大きすぎます（{bytes}バイト。上限は{max}バイト）。"),
            NotJson(detail) => format!("JSON形式ではないか、途中で切れています（{detail}）。"),
            NotAProgressFile => "このアプリの進捗記録ファイルではありません。".into(),
            FutureVersion(v) => {
                format!("新しい版のアプリで作られたファイルです（形式 {v}）。アプリを更新してから読み込んでください。")
            }
            UnknownVersion(v) => format!("形式の版 {v} は不明です。"),
            WrongPlan { found, expected } => format!("別の計画のファイルです（{found}。この画面は {expected}）。"),
            Shape(detail) => format!("ファイルの中身の形が正しくありません（{detail}）。"),
            UnknownInitiative(id) => format!("計画にない取組 {id} が含まれています。"),
            UnknownKpi(code) => format!("計画にない数値目標 {code} が含まれています。"),
            UnknownPolicy(code) => format!("計画にない基本施策 {code} が含まれています。"),
            YearOutsidePlan(y) => format!("計画期間外の年度 {y} が含まれています。"),
            Duplicate(what) => format!("{what} が二重に含まれています。"),
            UnknownGrade { at, code } => format!("{at}: 自己評価「{code}」は計画の評価区分にありません。"),
            UnknownWayForward { at, code } => format!("{at}: 今後の方向性「{code}」は計画の区分にありません。"),
            BadLink { at, url, why } => {
                format!("{at}: 根拠のリンク「{url}」は使えません（{}）。", link_error(Lang::Ja, *why))
            }
        },
    }
}

/// Why a file was not read as a workbook, in Japanese (English is its `Display`).
fn workbook_error(e: &crate::workbook::WorkbookError) -> String {
    use crate::workbook::WorkbookError::*;
    match e {
        TooLarge { bytes, max } => format!("ファイルが大きすぎます（{bytes}バイト。上限は{max}バイト）。"),
        UnpacksTooLarge { bytes, max } => {
            format!("展開すると大きすぎるブックです（{bytes}バイト。上限は{max}バイト）。")
        }
        NotXlsx(detail) => format!("Excel のブック（.xlsx）として読めないファイルです（{detail}）。"),
    }
}

/// Why a 評価シート was not read, in plain words: each problem names the
/// row and column as Excel shows them.
pub fn sheet_error(lang: Lang, e: &crate::progress::xlsx_import::SheetError) -> String {
    use crate::progress::xlsx_import::SheetError::*;
    match lang {
        Lang::En => e.to_string(),
        Lang::Ja => match e {
            Workbook(e) => workbook_error(e),
            NoSheet => "「評価シート」のシートがありません。このアプリで書き出したブックを使ってください。".into(),
            NoHeader { sheet } => format!("「{sheet}」の上のほうに「番号」と「進捗状況」の見出しの行がありません。"),
            NoYear { sheet } => format!(
                "「{sheet}」の見出しの上に年度（「令和7年度（2025年度）」のような表題）がないため、どの年度の評価か分かりません。"
            ),
            YearOutsidePlan { sheet, year } => format!("「{sheet}」は{year}年度の評価で、計画の期間外です。"),
            TooManyRows { sheet, max } => format!("「{sheet}」の行が多すぎます（上限は{max}行）。"),
            Rows { sheet, problems, more } => {
                let mut text = format!(
                    "「{sheet}」に直すところが{}か所あるため、何も読み込んでいません。",
                    problems.len() + more
                );
                for p in problems {
                    text.push_str(&format!(
                        "\n{sheet}の {} 行目「{}」: {}",
                        p.row,
                        p.column,
                        sheet_problem(Lang::Ja, p)
                    ));
                }
                if *more > 0 {
                    text.push_str(&format!("\nほか{more}か所"));
                }
                text
            }
        },
    }
}

/// What is wrong with one cell of a 評価シート (its row and column aside).
pub fn sheet_problem(lang: Lang, problem: &crate::progress::xlsx_import::RowProblem) -> String {
    use crate::progress::xlsx_import::ProblemKind::*;
    match lang {
        Lang::En => problem.kind.to_string(),
        Lang::Ja => match &problem.kind {
            MissingId => "番号がありません（取組の行には番号が要ります）".into(),
            UnknownInitiative(id) => format!("「{id}」は計画の取組の番号にありません"),
            Duplicate { first_row } => format!("同じ取組が {first_row} 行目にもあります"),
            Conflict { other_row } => {
                format!("同じ取組（再掲）の {other_row} 行目と違う内容に書き換えられています。どちらか一方だけにしてください")
            }
            NotAChoice { found, allowed } => {
                format!("「{found}」は{}の区分にありません（{}）", problem.column, allowed.join(", "))
            }
            Date(shown) => format!(
                "Excel などが日付・時刻（{shown}）に変えています。セルの書式を「文字列」にして入力し直してください"
            ),
            Boolean(b) => {
                format!("Excel などが論理値（{}）に変えています", if *b { "TRUE" } else { "FALSE" })
            }
            ErrorValue(code) => format!("エラー値（{code}）になっています"),
        },
    }
}

/// Why a plan table was not opened, in plain words: each problem names the
/// row and the column (its letter and title) as the spreadsheet shows them.
pub fn plan_table_error(lang: Lang, e: &crate::plan_table::PlanTableError) -> String {
    use crate::plan_table::{meta_title, PlanTableError::*};
    match lang {
        Lang::En => e.to_string(),
        Lang::Ja => match e {
            UnknownFormat { name } => {
                format!("「{name}」は計画の表として読めません。.xlsx、.csv、.tsv か計画ファイル（.json）を選んでください。")
            }
            Workbook(e) => workbook_error(e),
            NotText => "文字コードを読めません。UTF-8 か Shift_JIS の CSV で保存し直してください。".into(),
            Csv { row, detail } => format!("{row} 行目を読めません（{detail}）。"),
            TooManyRows { max } => format!("行が多すぎます（上限は{max}行）。"),
            NoHeader => "見出しの行がありません。上のほうの行に「基本施策」（または基本目標など）と「取組」（または事業など）の列見出しが要ります。".into(),
            MissingMeta(key) => format!(
                "見出しの上に「{}」の行がありません。1列目に「{}」、2列目にその内容を書いた行を加えてください。",
                meta_title(*key),
                meta_title(*key)
            ),
            NoPeriod => "計画期間が分かりません。年度の列（「2025年度」「R7」など）か、見出しの上に「計画期間」の行を加えてください。".into(),
            YearsNotConsecutive { after, found } => {
                format!("年度の列が{after}年度の次に{found}年度になっています。年度は続けて並べてください。")
            }
            PeriodMismatch { stated, columns } => format!(
                "「計画期間」は{}〜{}年度、年度の列は{}〜{}年度で、食い違っています。",
                stated.0, stated.1, columns.0, columns.1
            ),
            BadPeriod { from, to } => format!("{from}〜{to}年度は計画期間として扱えません。"),
            NoInitiatives => "見出しの下に取組の行がありません。".into(),
            Cells { problems, more } => {
                let mut text =
                    format!("直すところが{}か所あるため、何も読み込んでいません。", problems.len() + more);
                for p in problems {
                    text.push_str(&format!(
                        "\n{} 行目、{} 列「{}」: {}",
                        p.row,
                        p.column.letter(),
                        p.column.title,
                        plan_table_problem(Lang::Ja, &p.kind)
                    ));
                }
                if *more > 0 {
                    text.push_str(&format!("\nほか{more}か所"));
                }
                text
            }
        },
    }
}

/// Why a chosen file was not opened as a plan.
pub fn open_plan_error(lang: Lang, e: &crate::plan_shelf::OpenPlanError) -> String {
    use crate::plan_shelf::OpenPlanError::*;
    match (lang, e) {
        (_, Table(e)) => plan_table_error(lang, e),
        (Lang::Ja, NotAPlan(detail)) => format!("計画ファイルとして読めません（{detail}）。"),
        (Lang::En, NotAPlan(detail)) => format!("This is not a plan file ({detail})."),
        (Lang::Ja, BadId(id)) => {
            format!("計画ID「{id}」は使えません。半角の英数字と - _ . だけで書くか、「計画ID」の行を消してください。")
        }
        (Lang::En, BadId(id)) => {
            format!("The plan id “{id}” cannot be used: write it with ASCII letters, digits and - _ . only, or drop the 計画ID row.")
        }
        (Lang::Ja, Embedded) => "このページがはじめから表示している計画です。".into(),
        (Lang::En, Embedded) => "This is the plan this page shows by default.".into(),
    }
}

/// What is wrong with one cell of a plan table (its row and column aside).
pub fn plan_table_problem(lang: Lang, kind: &crate::plan_table::CellProblemKind) -> String {
    use crate::plan_table::{CellProblemKind::*, Field};
    match lang {
        Lang::En => kind.to_string(),
        Lang::Ja => match kind {
            Missing => "空欄です（上の行から引き継げる値もありません）".into(),
            NotAChoice { found, allowed } => format!("「{found}」は使える値ではありません（{}）", allowed.join("、")),
            NotANumber(found) => format!("「{found}」は番号（整数）ではありません"),
            DuplicateSerial { first_row } => format!("同じ番号が {first_row} 行目にもあります"),
            TooMany { level, max } => {
                let what = match level {
                    Field::Policy => "1つの計画の第1階層",
                    Field::SubPolicy => "1つの第1階層の中の第2階層",
                    Field::Kpi => "1つの第1階層の数値目標",
                    _ => "1つの第2階層の中の取組",
                };
                format!("{what}は{max}までです")
            }
            ErrorValue(code) => format!("エラー値（{code}）になっています"),
        },
    }
}

/// 「令和6年度（2024年度）の実績値：」, before the one recorded actual.
pub fn kpi_single_actual(lang: Lang, year: crate::FiscalYear) -> String {
    let y = fiscal_year(lang, year);
    match lang {
        Lang::Ja => format!("{y}の実績値："),
        Lang::En => format!("Actual for {y}: "),
    }
}

/// What the charts count when the list is filtered.
pub fn charts_follow_filters(lang: Lang, count: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("一覧の絞り込みと検索の結果（{total}件中 {count}件）を集計しています。"),
        Lang::En => {
            format!("These charts count the list's current filter and search results ({count} of {total} initiatives).")
        }
    }
}

/// A chart's data table caption with its unit.
pub fn chart_caption_unit(lang: Lang, caption: &str, unit: &str) -> String {
    match lang {
        Lang::Ja => format!("{caption}（単位：{unit}）"),
        Lang::En => format!("{caption} (unit: {unit})"),
    }
}

/// Why a file of the plan could not be made.
pub fn plan_file_error(lang: Lang, e: &crate::export::PlanFileError) -> String {
    use crate::export::PlanFileError::*;
    match (lang, e) {
        (Lang::Ja, Json(detail)) => format!("JSON のファイルを作れませんでした（{detail}）。"),
        (Lang::Ja, Csv(detail)) => format!("CSV のファイルを作れませんでした（{detail}）。"),
        (Lang::En, Json(detail)) => format!("The JSON file could not be made ({detail})."),
        (Lang::En, Csv(detail)) => format!("The CSV file could not be made ({detail})."),
    }
}

/// Why a file of the record could not be written.
pub fn export_error(lang: Lang, e: &crate::progress::file_name::ExportError) -> String {
    use crate::progress::file_name::ExportError::*;
    use crate::progress::xlsx::Problem;
    match (lang, e) {
        (Lang::En, e) => e.to_string(),
        (Lang::Ja, Workbook(x)) => match &x.0 {
            Problem::CellTooLong { sheet, cell, chars } => format!(
                "「{sheet}」の {cell} のセルが長すぎて Excel のファイルに書けません（{chars}文字。Excel の上限は32,767文字）。その欄を短くするか、JSON で書き出してください。"
            ),
            Problem::TooLarge => "記録が大きすぎて Excel のファイルにできません（4 GiB を超えます）。".into(),
        },
        (Lang::Ja, Json(detail) | Csv(detail)) => format!("ファイルを作れませんでした（{detail}）。"),
    }
}

/// A cell as staff name it: 「取組 2-①-a（2024年度）」.
pub fn cell_label(lang: Lang, key: crate::progress::CellKey) -> String {
    use crate::progress::CellKey::*;
    match (lang, key) {
        (Lang::Ja, Initiative(id, year)) => format!("取組 {id}（{}年度）", year.0),
        (Lang::Ja, Kpi(code, year)) => format!("数値目標 {code}（{}年度）", year.0),
        (Lang::Ja, Council(policy, year)) => format!("基本施策 {policy} の振興会議の意見（{}年度）", year.0),
        (Lang::Ja, Review(id, year)) => format!("取組 {id} の確認（{}年度）", year.0),
        (Lang::Ja, Year(year)) => format!("{}年度の締め・照会の設定", year.0),
        (Lang::En, key) => crate::progress::exchange::cell_en(key),
    }
}

/// 「照会ファイル」: what kind of file was given.
pub fn file_kind(lang: Lang, kind: crate::progress::exchange::FileKind) -> &'static str {
    use crate::progress::exchange::FileKind::*;
    match (lang, kind) {
        (Lang::Ja, Progress) => "進捗記録のファイル",
        (Lang::Ja, Request) => "照会ファイル",
        (Lang::Ja, Answer) => "回答ファイル",
        (Lang::En, Progress) => "progress record",
        (Lang::En, Request) => "request file",
        (Lang::En, Answer) => "answer file",
    }
}

/// Why a request or answer file (or any file given to the same input) was
/// refused, in plain words.
pub fn exchange_error(lang: Lang, e: &crate::progress::exchange::ExchangeError) -> String {
    use crate::progress::document::DocumentError as Doc;
    use crate::progress::exchange::ExchangeError::*;
    match lang {
        Lang::En => e.to_string(),
        Lang::Ja => match e {
            TooLarge { bytes, max } => document_error(Lang::Ja, &Doc::TooLarge { bytes: *bytes, max: *max }),
            NotJson(detail) => document_error(Lang::Ja, &Doc::NotJson(detail.clone())),
            UnknownFile => "このアプリの進捗記録・照会・回答のどのファイルでもありません。".into(),
            WrongKind { expected, found } => format!(
                "{}です。ここでは{}を選んでください。",
                file_kind(Lang::Ja, *found),
                file_kind(Lang::Ja, *expected)
            ),
            FutureVersion { kind, version } => format!(
                "新しい版のアプリで作られた{}です（形式 {version}）。アプリを更新してから読み込んでください。",
                file_kind(Lang::Ja, *kind)
            ),
            UnknownVersion { kind, version } => {
                format!("{}の形式の版 {version} は不明です。", file_kind(Lang::Ja, *kind))
            }
            WrongPlan { found, expected } => {
                document_error(Lang::Ja, &Doc::WrongPlan { found: found.clone(), expected: expected.clone() })
            }
            Shape(detail) => document_error(Lang::Ja, &Doc::Shape(detail.clone())),
            YearOutsidePlan(y) => document_error(Lang::Ja, &Doc::YearOutsidePlan(*y)),
            NoOwner => "担当（回答する課・団体）が書かれていません。".into(),
            BadDeadline(text) => format!("回答期限「{text}」が日付として読めません（2026-05-15 のように書きます）。"),
            UnknownInitiative(id) => document_error(Lang::Ja, &Doc::UnknownInitiative(id.to_string())),
            DuplicateRow(id) => format!("取組 {id} が二重に含まれています（再掲の取組は元の取組として数えます）。"),
            CommentOutsideRows(id) => format!("照会していない取組 {id} へのコメントが含まれています。"),
            OwnerMismatch { answer, request } => {
                format!("回答は「{answer}」からですが、照会は「{request}」あてです。")
            }
            Progress(e) => document_error(Lang::Ja, e),
            Record(e) => format!("ファイルの中の記録: {}", document_error(Lang::Ja, e)),
            CellOutside(key) => {
                format!("照会の範囲外の{}がファイルの中の記録に含まれています。", cell_label(Lang::Ja, *key))
            }
        },
    }
}

/// Why an answer was not taken: nothing of it changed.
pub fn answer_error(lang: Lang, e: &crate::progress::answer::AnswerError) -> String {
    use crate::progress::answer::AnswerError::*;
    match lang {
        Lang::En => e.to_string(),
        Lang::Ja => match e {
            WrongPlan { found, expected } => format!("別の計画への回答です（{found}。この画面は {expected}）。"),
            WrongYear { asked, answered } => {
                format!("{}年度の回答ですが、照会したのは{}年度です。", answered.0, asked.0)
            }
            WrongOwner { asked, answered } => format!("「{answered}」からの回答ですが、照会は「{asked}」あてです。"),
            YearClosed(year) => {
                format!(
                    "{}年度は締め済みのため、回答を取り込めません。取り込むには、先に年度の締めを解除してください。",
                    year.0
                )
            }
        },
    }
}

/// Why one cell of an answer was not taken; the cell is still shown.
pub fn not_applied(lang: Lang, key: crate::progress::CellKey, why: crate::progress::answer::NotApplied) -> String {
    use crate::progress::answer::NotApplied::*;
    let cell = cell_label(lang, key);
    match (lang, why) {
        (Lang::Ja, NotRequested) => format!("{cell}: この担当に照会していない取組のため、取り込んでいません。"),
        (Lang::Ja, OtherYear { answered }) => {
            format!("{cell}: {}年度の回答の中にある別の年度の記録のため、取り込んでいません。", answered.0)
        }
        (Lang::Ja, NotARow) => format!("{cell}: 回答では取組の欄だけを取り込みます。"),
        (Lang::Ja, Clearing) => format!("{cell}: 空欄にする変更は、ファイルからは取り込みません。"),
        (Lang::En, NotRequested) => format!("{cell}: not asked of this 担当, so not taken."),
        (Lang::En, OtherYear { answered }) => {
            format!("{cell}: another year than the answer's FY{answered}, so not taken.")
        }
        (Lang::En, NotARow) => format!("{cell}: answers bring initiative rows only."),
        (Lang::En, Clearing) => format!("{cell}: clearing a cell is never taken from a file."),
    }
}

/// What the 担当 opening a request should know; it can still answer.
pub fn request_warning(lang: Lang, w: &crate::progress::request::RequestWarning) -> String {
    use crate::progress::request::RequestWarning::*;
    match (lang, w) {
        (Lang::Ja, DeadlinePassed { deadline, .. }) => format!(
            "回答期限（{}年{}月{}日）を過ぎています。このまま記入して回答できます。",
            deadline.year, deadline.month, deadline.day
        ),
        (Lang::Ja, YearClosed(year)) => {
            format!("{}年度は締め済みです。回答しても取り込まれないため、事務局に確かめてください。", year.0)
        }
        (Lang::En, DeadlinePassed { deadline, .. }) => {
            format!("The deadline ({}) has passed. You can still fill in and answer.", deadline.iso())
        }
        (Lang::En, YearClosed(year)) => {
            format!("FY{} is closed: an answer would not be taken. Please check with the secretariat.", year.0)
        }
    }
}

/// A file of a batch left out because another file is the same answer.
pub fn duplicate_file(lang: Lang, d: &crate::progress::collect::DuplicateFile) -> String {
    let (file, kept) = (&d.file, &d.same_as);
    match (lang, d.identical) {
        (Lang::Ja, true) => format!("「{file}」は「{kept}」と同じ回答のため、一度だけ取り込みます。"),
        (Lang::Ja, false) => format!(
            "「{file}」は「{kept}」と同じ担当・同じ時刻の回答ですが、中身が違います。「{kept}」を取り込みました。「{file}」は取り込んでいないので、中身を確かめてください。"
        ),
        (Lang::En, true) => format!("“{file}” is the same answer as “{kept}”: taken once."),
        (Lang::En, false) => format!(
            "“{file}” has the same 担当 and time as “{kept}” but other contents. “{kept}” was taken, “{file}” was not: please check it."
        ),
    }
}

/// A cell of an earlier answer replaced by the same 担当's later answer.
pub fn superseded(lang: Lang, s: &crate::progress::collect::Superseded) -> String {
    let cell = cell_label(lang, s.key);
    match lang {
        Lang::Ja => format!("{cell}: 「{}」の内容は、同じ担当の新しい回答「{}」に置き換えました。", s.file, s.by),
        Lang::En => format!("{cell}: “{}” was replaced by the same 担当's later answer “{}”.", s.file, s.by),
    }
}

/// How far a row of the collection board has got.
pub fn row_state(lang: Lang, state: crate::progress::board::RowState) -> &'static str {
    use crate::progress::board::RowState::*;
    match (lang, state) {
        (Lang::Ja, Answered) => "回答済み",
        (Lang::Ja, Partial) => "記入途中",
        (Lang::Ja, Empty) => "未記入",
        (Lang::En, Answered) => "Answered",
        (Lang::En, Partial) => "Partly filled in",
        (Lang::En, Empty) => "Empty",
    }
}

/// Why a 根拠 link was refused.
pub fn link_error(lang: Lang, e: crate::progress::LinkError) -> &'static str {
    use crate::progress::LinkError::*;
    match (lang, e) {
        (Lang::Ja, NotHttp) => "http:// か https:// で始まるアドレスだけを登録できます",
        (Lang::Ja, Malformed) => "空白や改行を含まない、ひとつのアドレスを入れてください",
        (Lang::Ja, TooLong) => "アドレスが長すぎます",
        (Lang::En, NotHttp) => "only addresses starting with http:// or https:// can be added",
        (Lang::En, Malformed) => "enter one address, without spaces or line breaks",
        (Lang::En, TooLong) => "the address is too long",
    }
}

/// 担当 carried over from an earlier year, shown where the year has none.
pub fn owners_carried(lang: Lang, owners: &str, from: crate::FiscalYear) -> String {
    match lang {
        Lang::Ja => format!("{owners}（{}年度から引き継ぎ）", from.0),
        Lang::En => format!("{owners} (carried over from FY{})", from.0),
    }
}

/// The report's heading when the list's filters narrow it.
pub fn report_narrowed(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("一覧の絞り込みを反映しています（{total}件中 {shown}件の取組）。"),
        Lang::En => format!("Narrowed by the list's filters ({shown} of {total} initiatives)."),
    }
}

/// What a choice of the plan's scales means, in the interface language.
pub fn choice(lang: Lang, choice: &crate::scales::Choice) -> &str {
    match lang {
        Lang::Ja => &choice.ja,
        Lang::En => &choice.en,
    }
}

/// The label of a field in a cell's history.
pub fn history_field(field: crate::progress::history::Field) -> Msg {
    use crate::progress::history::Field::*;
    match field {
        Status => STATUS,
        Results => RESULTS,
        Grade => GRADE,
        Challenges => CHALLENGES,
        WayForward => WAY_FORWARD,
        Owners => OWNERS,
        Links => LINKS,
        Note => NOTE,
        Baseline => KPI_BASELINE,
        Target => KPI_TARGET,
        Actual => KPI_ACTUAL,
        Opinion => COUNCIL_OPINION,
        Response => COUNCIL_RESPONSE,
        Review => REVIEW_STATE,
        ReviewComment => REVIEW_COMMENT,
        Closed => YEAR_CLOSED,
        Reason => YEAR_REASON,
        Deadline => YEAR_DEADLINE,
        Instructions => YEAR_INSTRUCTIONS,
    }
}

/// Entries a cell's history let go, beyond its bound.
pub fn history_omitted(lang: Lang, n: u32) -> String {
    match lang {
        Lang::Ja => format!("これより前の{n}件は、件数の上限を超えたため残していません。"),
        Lang::En => format!("{n} older entries were not kept (over the limit per cell)."),
    }
}

/// A value someone else wrote, taken by the person who decided (unnamed when
/// that browser has no name set).
pub fn taken_by(lang: Lang, who: Option<&str>, when: &str) -> String {
    match (lang, who) {
        (Lang::Ja, Some(who)) => format!("{who}が採用 · {when}"),
        (Lang::Ja, None) => format!("採用 · {when}"),
        (Lang::En, Some(who)) => format!("taken by {who} · {when}"),
        (Lang::En, None) => format!("taken · {when}"),
    }
}

/// A re-listed row's editor edits its original's record.
pub fn relisted_shares(lang: Lang, original: crate::InitiativeId) -> String {
    match lang {
        Lang::Ja => format!("この取組は {original} の再掲です。記録は {original} と共有されます。"),
        Lang::En => format!("This initiative re-lists {original}; its record is shared with {original}."),
    }
}

/// The jump from the top of a detail to its editor.
pub fn jump_to_record(lang: Lang, year: crate::FiscalYear) -> String {
    match lang {
        Lang::Ja => format!("{}年度の評価を記入する", year.0),
        Lang::En => format!("Record FY{}", year.0),
    }
}

/// 「86件中 22件」 / "22 of 86".
pub fn result_count(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("{total}件中 {shown}件"),
        Lang::En => format!("{shown} of {total}"),
    }
}

/// The timeline of a large plan shows its first rows only.
pub fn timeline_limited(lang: Lang, shown: usize, total: usize) -> String {
    match lang {
        Lang::Ja => format!("{total}件のうち最初の{shown}件の工程を表示しています。絞り込むと他の取組も表示できます。"),
        Lang::En => format!("Showing the schedules of the first {shown} of {total} initiatives. Filter to see others."),
    }
}

/// Why an edit was refused: each names the fiscal year.
pub fn edit_error(lang: Lang, e: &crate::progress::edit::EditError) -> String {
    use crate::progress::edit::EditError::*;
    match (lang, e) {
        (Lang::Ja, YearClosed(y)) => {
            format!(
                "{}は締められているため変更できません。変更するには事務局が年度を再開してください。",
                fiscal_year(lang, *y)
            )
        }
        (Lang::Ja, AlreadyClosed(y)) => format!("{}はすでに締められています。", fiscal_year(lang, *y)),
        (Lang::Ja, NotClosed(y)) => format!("{}は締められていません。", fiscal_year(lang, *y)),
        (Lang::Ja, ReasonRequired(y)) => {
            format!("{}を再開する理由を入力してください（履歴に残ります）。", fiscal_year(lang, *y))
        }
        (Lang::En, YearClosed(y)) => {
            format!(
                "{} is closed and cannot be changed. The secretariat must reopen the year first.",
                fiscal_year(lang, *y)
            )
        }
        (Lang::En, AlreadyClosed(y)) => format!("{} is already closed.", fiscal_year(lang, *y)),
        (Lang::En, NotClosed(y)) => format!("{} is not closed.", fiscal_year(lang, *y)),
        (Lang::En, ReasonRequired(y)) => {
            format!("Enter why {} is reopened (it is kept in the history).", fiscal_year(lang, *y))
        }
    }
}

/// Why a 回答期限 was not taken.
pub fn date_error(lang: Lang, e: &crate::timeline::DateError) -> String {
    use crate::timeline::DateError::*;
    match (lang, e) {
        (Lang::Ja, Format(text)) => format!("「{text}」は日付として読めません。2025-05-31 の形で入力してください。"),
        (Lang::Ja, NoSuchDay(text)) => format!("「{text}」という日はありません。"),
        (Lang::En, Format(text)) => format!("{text:?} is not a date; write it as 2025-05-31."),
        (Lang::En, NoSuchDay(text)) => format!("{text:?} is not a day of the calendar."),
    }
}

/// Why a file's cell was not applied; `closed_by`: the closing's author
/// and time as the page shows a stamp.
pub fn refusal(lang: Lang, why: &crate::progress::merge::Refusal, closed_by: &str) -> String {
    use crate::progress::merge::Refusal::*;
    match (lang, why) {
        (Lang::Ja, YearClosed { year, .. }) => {
            format!("反映しませんでした: {}は締められています（{closed_by}）。", fiscal_year(lang, *year))
        }
        (Lang::En, YearClosed { year, .. }) => {
            format!("Not applied: {} is closed ({closed_by}).", fiscal_year(lang, *year))
        }
    }
}

/// 記入中, 提出済, 確認済 or 公表.
pub fn review_state(state: &crate::progress::review::ReviewState) -> Msg {
    use crate::progress::review::ReviewState::*;
    match state {
        Drafting => REVIEW_DRAFTING,
        Submitted { .. } => REVIEW_SUBMITTED,
        Confirmed(_) => REVIEW_CONFIRMED,
        Published(_) => REVIEW_PUBLISHED,
    }
}

/// Why a line is back at 提出済: `changed_by` changed it after `confirmed_by`
/// confirmed it (each as the page shows a stamp; `None`: not known).
pub fn changed_after_confirmation(lang: Lang, changed_by: Option<&str>, confirmed_by: &str) -> String {
    match (lang, changed_by) {
        (Lang::Ja, Some(by)) => format!("確認（{confirmed_by}）の後に {by} が変更したため、提出済に戻りました。"),
        (Lang::Ja, None) => format!("確認（{confirmed_by}）の後に変更されたため、提出済に戻りました。"),
        (Lang::En, Some(by)) => format!("Changed by {by} after it was confirmed ({confirmed_by}): back to submitted."),
        (Lang::En, None) => format!("Changed after it was confirmed ({confirmed_by}): back to submitted."),
    }
}

/// A note about one file of several: 「kama-…json」 …
pub fn about_file(lang: Lang, file: &str, text: &str) -> String {
    match lang {
        Lang::Ja => format!("「{file}」 {text}"),
        Lang::En => format!("“{file}”: {text}"),
    }
}

/// The heading of a request opened here: year, 担当, deadline.
pub fn request_heading(
    lang: Lang,
    year: crate::FiscalYear,
    owner: &str,
    deadline: crate::timeline::CalendarDate,
) -> String {
    match lang {
        Lang::Ja => format!("{}年度 · {owner} あて · 回答期限: {deadline}", year.0),
        Lang::En => format!("FY{} · to {owner} · deadline: {deadline}", year.0),
    }
}

/// Who records in this browser, as the record bar shows it: 「嘉麻 太郎（商工会）」.
pub fn recorder(name: &str, owner: Option<&str>) -> String {
    match owner {
        Some(owner) => format!("{name}（{owner}）"),
        None => name.to_string(),
    }
}

/// How many lines the published file leaves out, not being confirmed.
pub fn publish_withheld(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Ja, 0) => "確認していない取組の記録はありません。".into(),
        (Lang::Ja, n) => format!("確認していない取組の記録 {n} 件は公表されません。"),
        (Lang::En, 0) => "No initiative record is left unconfirmed.".into(),
        (Lang::En, n) => format!("{n} unconfirmed initiative records are left out."),
    }
}

/// A closed year's notice: who closed it (as the page shows a stamp), and why.
pub fn year_closed_notice(lang: Lang, year: crate::FiscalYear, closed_by: &str, reason: &str) -> String {
    match (lang, reason.is_empty()) {
        (Lang::Ja, true) => {
            format!("{}は締められています（{closed_by}）。記録は変更できません。", fiscal_year(lang, year))
        }
        (Lang::Ja, false) => {
            format!(
                "{}は締められています（{closed_by}、理由: {reason}）。記録は変更できません。",
                fiscal_year(lang, year)
            )
        }
        (Lang::En, true) => {
            format!("{} is closed ({closed_by}); its record cannot be changed.", fiscal_year(lang, year))
        }
        (Lang::En, false) => {
            format!(
                "{} is closed ({closed_by}; reason: {reason}); its record cannot be changed.",
                fiscal_year(lang, year)
            )
        }
    }
}

macro_rules! messages {
    ($($name:ident = $ja:literal, $en:literal;)*) => {
        $(pub const $name: Msg = Msg { ja: $ja, en: $en };)*
    };
}

messages! {
    APP_NAME = "中小企業振興基本計画トラッカー", "SME Plan Tracker";
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
    FILTER_OPTIONS = "絞り込みの条件", "Filter options";
    SEARCH = "キーワード検索", "Search";
    SEARCH_PLACEHOLDER = "例：デジタル、創業、2-①-a", "e.g. デジタル, 創業, 2-①-a";
    CLEAR_ALL = "条件をすべて解除", "Clear all";
    NO_MATCHES = "条件に合う取組はありません。", "No initiative matches.";
    FISCAL_YEAR = "実施年度", "Fiscal year of activity";
    FOLD_RELISTED = "再掲の取組を元の取組にまとめる", "Fold re-listed initiatives into their originals";
    DOWNLOADS = "データのダウンロード", "Download the data";
    JSON_WHOLE = "JSON（計画全体）", "JSON (whole plan)";
    CSV_WHOLE = "CSV・Excel用（計画全体）", "CSV for Excel (whole plan)";
    FILTERED_VIEW = "表示中の取組のみ", "shown initiatives only";
    FILE_UNREADABLE = "ファイルを読めませんでした。選んだ後に移動・削除されたか、ブラウザが読むことを許しませんでした。", "The file could not be read: it was moved or deleted after it was chosen, or the browser did not allow reading it.";
    FETCHED_NOT_FOUND = "サイトにありません（HTTP 404）。", "It is not on the site (HTTP 404).";
    FETCHED_NOT_TEXT = "テキストのファイルではありません。", "It is not a text file.";
    DOWNLOAD_FAILED = "ダウンロードできませんでした。", "The download failed.";
    DETAIL = "取組の詳細", "Initiative details";
    BACK_TO_LIST = "一覧に戻る", "Back to the list";
    SELECT_PROMPT = "左の一覧から取組を選ぶと、詳細が表示されます。", "Choose an initiative from the list to see its details.";
    NOT_IN_RESULTS = "この取組は、いまの絞り込み・検索の結果には含まれていません。", "This initiative is not among the current filter and search results.";
    NOT_FOUND = "指定された取組は見つかりません。", "That initiative does not exist.";
    LOAD_ERROR = "計画データを読み込めませんでした。", "The plan data could not be read.";
    SOURCE_BEFORE = "出典：", "Source: ";
    SOURCE_AFTER = "（表記は原文のまま）", " (text as published)";
    PLAN_NOT_SAVED = "この計画はこのブラウザにありません。計画の表かファイルを「別の計画を開く」から開いてください。", "This browser does not keep this plan. Open its table or file with “Open another plan”.";
    OPEN_OTHER_PLAN = "別の計画を開く", "Open another plan";
    OPEN_OTHER_PLAN_HINT = "同じ形（基本施策・施策・取組）の別の計画を、その表（Excel の .xlsx、.csv、.tsv）か計画ファイル（.json）から開けます。開いた計画はこのブラウザに保存され、進捗の記録も計画ごとに分かれます。表の作り方はひな形を見てください:", "Open another plan of the same shape (policies, measures, initiatives) from its table (Excel .xlsx, .csv, .tsv) or plan file (.json). It is kept in this browser, with a progress record of its own. See the template for how to lay out the table:";
    PLAN_TEMPLATE = "計画表のひな形（.xlsx）", "Plan table template (.xlsx)";
    CHOOSE_PLAN_FILE = "計画の表・ファイルを選ぶ", "Choose a plan table or file";
    READING_PLAN = "読み込んでいます…", "Reading…";
    OPEN_THIS_PLAN = "この計画を開く", "Open this plan";
    KEPT_PLANS = "このブラウザの計画", "Plans in this browser";
    DEFAULT_PLAN = "はじめから表示している計画", "The plan this page shows by default";
    SHOWN_NOW = "表示中", "Shown";
    REMOVE_PLAN = "このブラウザから削除", "Remove from this browser";
    APP_FAILED = "アプリを起動できませんでした。下の計画の一覧はこのまま読めます。ページを再読み込みするか、別のブラウザでお試しください。", "The app could not start. The plan below can still be read. Reload the page, or try another browser.";
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

// Recording progress
messages! {
    VIEW_PROGRESS = "進捗", "Progress";
    VIEW_REPORT = "進捗報告", "Progress report";
    PROGRESS_RECORD = "進捗の記録", "Progress record";
    PROGRESS_RECORD_HINT = "記録はこのブラウザに保存されます。ほかの人と共有するには「進捗」画面から書き出してください。", "Records are kept in this browser. To share them, export them from the Progress view.";
    STATUS = "進捗状況", "Status";
    STATUS_NONE = "（未記録）", "(not recorded)";
    NOTE = "メモ", "Note";
    RESULTS = "実績", "Results";
    GRADE = "自己評価", "Self-assessment";
    GRADE_NONE = "（未評価）", "(not assessed)";
    CHALLENGES = "課題", "Challenges";
    WAY_FORWARD = "今後の方向性", "Way forward";
    WAY_FORWARD_NONE = "（未記入）", "(not set)";
    OWNERS = "担当", "Responsible";
    OWNERS_HINT = "複数のときは「、」で区切ります。翌年度以降にも引き継がれます。", "Separate several with 、 or commas. Carried to the following years until changed.";
    LINKS = "根拠", "Evidence";
    LINKS_NONE = "根拠のリンクはまだありません。", "No evidence links yet.";
    LINK_TITLE = "リンクの名前", "Link title";
    LINK_URL = "アドレス（URL）", "Address (URL)";
    LINK_ADD = "根拠を追加", "Add link";
    LINK_REMOVE = "削除", "Remove";
    RECORD_YEAR = "記入する年度", "Year to record";
    HISTORY = "変更履歴", "History";
    IMPORT_LOCAL = "このブラウザの記録", "In this browser";
    PUBLISHED_CHANGES = "公表版からの変更", "Changes from the published record";
    KPI_FILL_TARGETS = "各年度の目標値を入れる", "Fill in the yearly targets";
    KPI_FILL_TARGETS_HINT = "基準値から最終年度の目標値まで、毎年同じ幅で進む目標値を、空欄の年度に入れます。入れた値は変更できます。基準値と最終年度の目標値を先に記入してください。", "Fills empty years with targets that move in equal steps from the baseline to the final year's target; you can change them. Enter the baseline and the final year's target first.";
    PUBLISHED_CHANGES_HINT = "このブラウザの記録が、公表済みの progress.json と違う項目です。公表する前に確かめてください。", "Where this browser's record differs from the published progress.json: check before publishing.";
    PUBLISHED_CHANGES_NONE = "公表済みの progress.json との違いはありません。", "No differences from the published progress.json.";
    IMPORT_INCOMING = "ファイルの記録", "In the file";
    HISTORY_EMPTY = "（空欄）", "(empty)";
    NEXT_INITIATIVE = "次の取組へ", "Next initiative";
    PREVIOUS_INITIATIVE = "前の取組へ", "Previous initiative";
    LOCAL_DRAFT = "下書き（このブラウザのみ）", "Local draft (this browser only)";
    PUBLISHED = "公表済み", "Published";
    UPDATED_BY = "記入", "Recorded";
    UNDO = "元に戻す", "Undo";
    REDO = "やり直す", "Redo";
    SAVED_HERE = "このブラウザに保存済み", "Saved in this browser";
    STORAGE_UNAVAILABLE = "このブラウザでは記録を保存できません（保存領域が使えません）。変更はこのページを閉じると失われます。残すには「進捗」画面の「JSONで書き出す」を使ってください。", "This browser cannot keep records (storage is unavailable). Changes are lost when this page closes. To keep them, use “Export JSON” in the Progress view.";
    STORAGE_FULL = "ブラウザの保存領域がいっぱいのため、最新の変更を保存できませんでした。変更はこのページを開いている間は残っています。「進捗」画面の「JSONで書き出す」で保存してください。", "Browser storage is full, so the latest changes could not be saved. They remain while this page is open. Use “Export JSON” in the Progress view to keep them.";
    STORAGE_NEWER = "記録は新しい版のアプリで保存されています。上書きしないよう、このページでの変更は保存しません。ページを再読み込みしてください。", "The record was saved by a newer version of the app. So as not to overwrite it, changes on this page are not saved. Please reload the page.";
    STORAGE_BACKUP_FAILED = "保存されていた記録を読み取れず、控えも作れませんでした。元のデータを守るため、このページでの変更は保存しません。「JSONで書き出す」で保存してください。", "The stored record could not be read, nor copied aside. To protect it, changes on this page are not saved. Use “Export JSON” to keep them.";
    BACKUP_FOUND = "保存されていた記録を読み取れませんでした。元のデータは控えとして残してあり、いまは空の記録で動いています。", "The stored record could not be read. The original data has been kept as a backup; the app is running on an empty record.";
    BACKUP_DOWNLOAD = "控えをダウンロード", "Download the backup";
    BACKUP_DELETE = "控えを削除", "Delete the backup";
    PUBLISHED_REFUSED = "公表済みの進捗ファイル（progress.json）を読み込めなかったため、使わずに表示しています。", "The published progress file (progress.json) could not be read, so it is not used.";
    CONFLICTS_FOUND = "同じ項目が別の場所でも変更されました。新しい方を表示しています。もう一方は「進捗」画面の一覧で確認できます。", "The same item was also changed elsewhere. The newer one is shown; the other is listed in the Progress view.";
    CONFLICTS = "競合した記録", "Conflicting records";
    CONFLICT_KEPT = "表示中", "Shown";
    CONFLICT_OTHER = "もう一方", "Other";
    CONFLICT_TAKE_OTHER = "もう一方を採用", "Use the other";
    CONFLICT_DISMISS = "表示中のままにする", "Keep the shown one";
    SHOW_CONFLICTS = "競合を確認", "Review conflicts";
    FILES = "記録の書き出し・読み込み", "Export and import records";
    START_RECORDING = "記入する", "Record progress";
    RECORD_BAR = "記録の操作", "Recording";
    STAFF_SETUP = "記入者の設定", "Who records in this browser";
    STAFF_SETUP_HINT = "このブラウザで記入する人の名前と担当です。記入した内容には、この名前が付きます。", "The name and 担当 (section) of whoever records in this browser. Everything recorded carries this name.";
    AUTHOR = "記入者名", "Your name";
    STAFF_OWNER = "担当（課・団体）", "Your 担当 (section or body)";
    STAFF_ROLE = "役割", "Role";
    ROLE_RECORDER = "記入者（担当の取組を記入する）", "Recorder (records the initiatives of your 担当)";
    ROLE_SECRETARIAT = "事務局（照会・取りまとめ・確認・公表）", "Secretariat (requests, collects, reviews, publishes)";
    ROLE_NOT_A_PASSWORD = "役割はこのブラウザでの選択で、パスワードではありません。サーバーがないため、ページは役割を確かめられません。", "The role is a choice made in this browser, not a password: with no server, the page cannot check it.";
    STAFF_NAME_MISSING = "記入者名を入力してください。", "Enter your name.";
    STAFF_OWNER_MISSING = "担当を入力してください。", "Enter your 担当.";
    STAFF_START = "記入を始める", "Start recording";
    STAFF_DONE = "閉じる", "Close";
    STAFF_STOP = "閲覧に戻る（記入をやめる）", "Back to reading (stop recording)";
    RECORDING_AS = "記入者", "Recording as";
    ROLE_SECRETARIAT_SHORT = "事務局", "Secretariat";
    READ_ONLY_RECORD = "公表されている記録（閲覧のみ）", "The published record (read only)";
    EXPORT_JSON = "JSONで書き出す（読み込み・公表用）", "Export JSON (to import or publish)";
    EXPORT_CSV = "CSVで書き出す（Excel用）", "Export CSV (for Excel)";
    EXPORT_XLSX = "Excelファイル（.xlsx）で書き出す", "Export Excel workbook (.xlsx)";
    LAST_EXPORT = "最後に書き出した時刻", "Last exported";
    NOT_EXPORTED = "このブラウザからはまだ書き出していません。ブラウザの記録は消えることがあるため、定期的に書き出してください。", "Not yet exported from this browser. Browsers can clear stored data, so export regularly.";
    IMPORT = "ファイルを読み込む", "Import a file";
    IMPORT_HINT = "同僚が書き出した記録（JSON）、照会・回答ファイル、または Excel などで記入した評価シート（.xlsx）を選びます。回答ファイルは複数まとめて選べ、ここにドロップしても読み込めます。読み込む前に、変わる内容を確かめられます。", "A colleague's exported record (JSON), a request or answer file, or a 評価シート filled in with Excel or the like (.xlsx). Several answer files can be chosen at once, or dropped here. You see what would change before anything does.";
    IMPORT_FIELD = "項目", "Field";
    IMPORT_REFUSED = "このファイルは読み込めません。何も変更していません。", "This file cannot be imported. Nothing was changed.";
    IMPORT_PREVIEW = "読み込む前の確認", "Before importing";
    IMPORT_ADDED = "追加される項目", "Cells added";
    IMPORT_CHANGED = "置き換わる項目（より新しい記録）", "Cells replaced (newer records)";
    IMPORT_CONFLICTS = "こちらの方が新しいため変更しない項目", "Cells kept (yours are newer)";
    IMPORT_NOTHING = "このファイルには新しい記録はありません。", "The file holds nothing new.";
    IMPORT_APPLY = "読み込む", "Import";
    IMPORT_REFUSED_CELLS = "反映しない記録", "Records not applied";
    IMPORT_CANCEL = "取り消す", "Cancel";
    IMPORT_DONE = "読み込みました。「元に戻す」で取り消せます。", "Imported. Use Undo to revert.";
    PUBLISHED_NOTE = "公表済みの進捗（progress.json）を表示しています。このブラウザでの変更は「下書き」として重ねて表示されます。", "Showing the published progress (progress.json). Changes made in this browser are shown over it as local drafts.";
    YEAR = "年度", "Fiscal year";
    VIEW_KPIS = "数値目標", "KPIs";
    JUMP_TO_FILES = "記録の書き出し・読み込みへ", "Go to export and import";
    VIEW_CHARTS = "グラフ", "Charts";
    KPI_CATALOG_HINT = "計画の数値目標を基本施策ごとに示します。指標名を選ぶと、年度ごとの基準値・目標値・実績値を確認・記録できます。", "The plan's numeric targets by basic policy. Choose one to see and record its baseline, target and actual per fiscal year.";
    KPI_NO_INITIATIVES = "この指標を掲げる取組はありません。", "No initiative names this KPI.";
    KPI_NO_ACTUALS = "実績値は未記録", "No actuals recorded";
    KPI_BACK = "数値目標の一覧に戻る", "Back to all KPIs";
    KPI_VALUES = "年度ごとの値", "Values by fiscal year";
    KPI_BASELINE = "基準値", "Baseline";
    KPI_TARGET = "目標値", "Target";
    KPI_ACTUAL = "実績値", "Actual";
    KPI_ACHIEVEMENT = "達成率", "Achievement";
    KPI_RATING = "評価", "Rating";
    KPI_RATING_RULE = "達成率＝実績値÷目標値。評価：S＝100%以上（目標達成）、A＝80%以上、B＝50%以上、C＝50%未満、−＝目標値または実績値が未記録（目標値0を含む）。空欄は「未記録」です。", "Achievement = actual ÷ target. Rating: S = 100% or more (target met), A = 80% or more, B = 50% or more, C = under 50%, − = target or actual not recorded (or a target of 0). An empty field means “not recorded”.";
    KPI_NAMED_BY = "この指標を掲げる取組", "Initiatives naming this KPI";
    KPI_KIND_PERCENT = "単位は%：0〜100の数値（小数可）を入力します。", "Unit %: a number from 0 to 100 (decimals allowed).";
    KPI_KIND_COUNT = "件数・人数：0以上の整数を入力します。", "A count: a whole number, 0 or more.";
    KPI_KIND_AMOUNT = "金額・人数（千単位）：0以上の数値（小数可）を入力します。", "An amount in thousands: a number, 0 or more (decimals allowed).";
    KPI_ERR_NUMBER = "数値として読めません（例：1234、1,234.5）。保存していません。", "Not a number (e.g. 1234, 1,234.5). Not saved.";
    KPI_ERR_NEGATIVE = "0以上の数値を入力してください。保存していません。", "Enter 0 or more. Not saved.";
    KPI_ERR_WHOLE = "この指標は整数で入力してください。保存していません。", "This KPI takes whole numbers. Not saved.";
    KPI_ERR_PERCENT = "割合は0〜100の範囲で入力してください。保存していません。", "A percentage must be between 0 and 100. Not saved.";
}

// Offline and updates
messages! {
    UPDATE_AVAILABLE = "新しい版があります", "A new version is available";
    UPDATE_RELOAD = "再読み込み", "Reload";
}

// Progress overview, checks and report
messages! {
    REPORT_OPEN = "印刷用の進捗報告を開く", "Open the printable progress report";
    OVERVIEW_TITLE = "進捗状況の集計", "Status summary";
    OVERVIEW_CAPTION = "基本施策ごとの進捗状況別の取組数", "initiatives per basic policy, by status";
    OVERVIEW_POLICY = "基本施策", "Basic policy";
    OVERVIEW_UNRECORDED = "未記録", "Not recorded";
    OVERVIEW_TOTAL = "計", "Total";
    OVERVIEW_ALL_POLICIES = "合計", "All policies";
    OVERVIEW_RELISTED_NOTE = "再掲の取組は元の取組と同じものを重ねて載せているため、件数に含めていません。", "Re-listed initiatives (再掲) repeat one listed elsewhere, so they are not counted.";
    NOTED_TITLE = "メモのある取組", "Initiatives with a note";
    NOTED_NONE = "この年度のメモはまだありません。", "No notes for this fiscal year yet.";
    CHECKS_TITLE = "確認が必要な項目", "Things to look at";
    CHECKS_HINT = "終わった年度の記録について、見直すとよい点です。記録や保存を止めるものではありません。", "Points worth a second look in the records of finished fiscal years. They never stop recording or saving.";
    CHECKS_RELISTED_NOTE = "再掲の取組は元の取組と同じものなので、元の取組だけを確認します。", "Re-listed initiatives (再掲) repeat one listed elsewhere, so only the original is checked.";
    CHECKS_NONE = "確認が必要な項目はありません。", "Nothing needs a look.";
    CHECKS_SHOW_LIST = "一覧を表示", "Show the list";
    CHECK_NOT_STARTED = "予定の年度を過ぎても「未着手」のままです", "Still “not started” after its scheduled years";
    CHECK_NOT_STARTED_HINT = "スケジュールの実施期間が終わった活動がありますが、最後に記録された進捗状況が「未着手」です。いまの状況を確かめてください。", "An activity's scheduled period has ended, but the latest recorded status is “not started”. Please check where it stands.";
    CHECK_MISSING = "終わった年度の進捗状況が未記録です", "No status recorded for a finished year";
    CHECK_MISSING_HINT = "実施予定だった年度が終わりましたが、進捗状況が記録されていません。", "The initiative was scheduled in these years, which have ended, but no status was recorded.";
    CHECK_KPI = "目標値はありますが実績値が未記録です", "A target is recorded but no actual value";
    CHECK_KPI_HINT = "年度は終わっています。実績値が確定したら記録してください。", "The year has ended. Record the actual value once it is settled.";
    REPORT_PRINT = "印刷する", "Print";
    REPORT_AS_OF = "時点", "As of";
    REPORT_KPI = "数値目標", "Numeric target (KPI)";
    REPORT_KPI_TARGET = "目標値", "Target";
    REPORT_KPI_ACTUAL = "実績値", "Actual";
    REPORT_KPI_RATE = "達成率", "Achieved";
    REPORT_NUMBER = "番号", "No.";
    REPORT_NOTE_STAMP = "メモ・記入", "Note, recorded by";
    REPORT_SUMMARY = "自己評価と数値目標の達成度", "Self-assessment and KPI achievement";
    REPORT_SUMMARY_GRADES = "自己評価（取組数）", "Self-assessment (initiatives)";
    REPORT_SUMMARY_RATINGS = "数値目標の達成度（指標数）", "KPI achievement (targets)";
    REPORT_UNGRADED = "未評価", "Not assessed";
    REPORT_SHOW_ALL = "すべての取組を表示", "Show every initiative";
    COUNCIL_OPINION = "振興会議の意見", "Council's opinion";
    COUNCIL_RESPONSE = "市の対応", "City's response";
    REVIEW_STATE = "照会の状態", "Review";
    REVIEW_COMMENT = "確認コメント", "Review comment";
    REVIEW_DRAFTING = "記入中", "Drafting";
    REVIEW_CONFIRM = "確認済にする", "Confirm";
    YEAR_CLOSING_TITLE = "年度の締め", "Closing the year";
    YEAR_CLOSE_HINT = "締めた年度の記録は、どのブラウザでも変更できなくなります（締めは書き出したファイルと公表ファイルにも含まれます）。再開するには理由が必要で、履歴に残ります。", "A closed year's record cannot be changed in any browser (the closing travels in exported and published files). Reopening needs a reason, kept in the history.";
    YEAR_CLOSE = "この年度を締める", "Close this year";
    YEAR_REOPEN = "締めを解除して再開する", "Reopen this year";
    PUBLISH_TITLE = "公表用に書き出す", "Write the file to publish";
    PUBLISH_HINT = "市のサイトで index.html の隣に置く progress.json を書き出します。置き換える前に、上の「公表版からの変更」で変わる内容を確かめてください。", "Writes progress.json, to put beside index.html on the city's site. Before replacing it, check what changes in “Changes from the published version” above.";
    PUBLISH_SCOPE = "公表する記録", "What to publish";
    PUBLISH_CONFIRMED = "確認済の取組だけ（おすすめ）", "Confirmed initiatives only (recommended)";
    PUBLISH_EVERYTHING = "すべての取組（確認していない記録も公表されます）", "Every initiative (unconfirmed records are published too)";
    PUBLISH_EVERYTHING_WARNING = "確認していない記録も公表されます。内容を確かめてから公表してください。", "Unconfirmed records will be published too. Check them before publishing.";
    PUBLISH_WRITE = "progress.json を書き出す", "Write progress.json";
    REVIEW_UNCONFIRM = "確認を取り消す", "Withdraw the confirmation";
    REVIEW_SUBMITTED = "提出済", "Submitted";
    REVIEW_CONFIRMED = "確認済", "Confirmed";
    REVIEW_PUBLISHED = "公表", "Published";
    YEAR_CLOSED = "締め", "Closed";
    YEAR_CELL = "年度の締め・照会の設定", "Year's closing and request settings";
    YEAR_REASON = "締め・再開の理由", "Reason for closing or reopening";
    YEAR_DEADLINE = "回答期限", "Answer deadline";
    YEAR_INSTRUCTIONS = "事務局からの依頼事項", "Instructions from the secretariat";
    COUNCIL_NONE = "（記録なし）", "(none recorded)";
}

// Charts
messages! {
    CHARTS_INTRO = "計画の構成と進捗をグラフで示します。どのグラフも「データ表を表示」で同じ数値を表として読めます。", "The plan's make-up and progress as charts. Every chart's numbers can be read as a table with “Show data table”.";
    CHARTS_PLAN_TITLE = "計画の構成", "What the plan is made of";
    CHARTS_PROGRESS_TITLE = "年度の進捗状況", "Progress in a fiscal year";
    CHART_SHOW_TABLE = "データ表を表示", "Show data table";
    CHART_HIDE_TABLE = "データ表を隠す", "Hide data table";
    CHART_UNAVAILABLE = "グラフを表示できません（データ表をご覧ください）", "The chart cannot be shown (see the data table)";
    CHART_EMPTY = "グラフに表す値はまだありません。", "There are no values to chart yet.";
    CHART_COUNT_UNIT = "件", "initiatives";
    CHART_KPI_TITLE = "{kpi}：目標値と実績値", "{kpi}: target and actual";
    CHART_DIRECTION_TITLE = "基本施策別の取組数（実施方針区分別）", "Initiatives per basic policy, by implementation direction";
    CHART_FIRST_PLAN_TITLE = "基本施策別の取組数（第1次計画との関連別）", "Initiatives per basic policy, by relation to the 1st plan";
    CHART_STATUS_TITLE = "基本施策別の進捗状況（{year}）", "Status per basic policy ({year})";
    CHART_UNIT = "単位：{unit}", "Unit: {unit}";
    CHART_NO_VALUE = "未記録", "none";
    CHART_LIST_SEPARATOR = "、", ", ";
    CHART_SENTENCE_END = "。", ". ";
    CHART_COLON = "：", ": ";
}

// Views loaded on demand (src/ui/lazy.rs)
messages! {
    VIEW_LOADING = "読み込み中…", "Loading…";
    PLAN_LOADING = "計画を読み込んでいます…", "Loading the plan…";
    VIEW_LOAD_FAILED = "この画面を読み込めませんでした。ネットワークの接続を確かめて、もう一度お試しください。続くときはページを再読み込みしてください（記録はこのブラウザに残っています）。", "This view could not be loaded. Check the network connection and try again. If it keeps failing, reload the page (your record stays in this browser).";
    CODE_LOAD_FAILED = "必要なプログラムを読み込めませんでした。ネットワークの接続を確かめて、もう一度お試しください。", "A part of the app could not be loaded. Check the network connection and try again.";
    VIEW_LOAD_RETRY = "もう一度読み込む", "Try again";
    RECORD_LOAD_FAILED = "進捗の記録を読み書きするプログラムを読み込めませんでした。記録はこのブラウザに残っています。ネットワークの接続を確かめて、もう一度お試しください。", "The part of the app that reads and saves progress records could not be loaded. Your record stays in this browser. Check the network connection and try again.";
}

// Requests (照会) and collecting answers (取りまとめ)
messages! {
    CYCLE_TITLE = "照会と取りまとめ", "Requests and answers";
    CYCLE_HINT = "事務局が担当ごとに照会ファイルを送り、担当は記入して回答ファイルを返します。回答ファイルは下の「ファイルを読み込む」でまとめて読み込めます（複数選択可）。", "The secretariat sends each 担当 a request file; each 担当 fills in its rows and sends back an answer file. Answer files import together through “Import a file” below (several at once).";
    REQUEST_MAKE_TITLE = "照会ファイルを作る", "Make request files";
    REQUEST_DEADLINE = "回答期限", "Deadline";
    REQUEST_MAKE = "担当ごとの照会ファイルを作る", "Make one request file per 担当";
    REQUEST_MADE = "担当ごとの照会ファイル（それぞれダウンロードして送ります）", "One request file per 担当 (download each and send it)";
    REQUEST_DOWNLOAD = "照会ファイル（JSON）", "Request file (JSON)";
    REQUEST_DOWNLOAD_XLSX = "Excelで回答する担当向け（評価シート .xlsx）", "For answering in Excel (評価シート .xlsx)";
    REQUEST_SAVED = "照会ファイルを書き出しました。担当に送ってください。", "The request file was saved. Send it to its 担当.";
    REQUEST_NO_DEADLINE = "回答期限を入力してください。", "Enter a deadline.";
    REQUEST_NO_OWNERS = "この年度の担当がまだ一つも記録されていません。各取組の「担当」を記入すると、担当ごとに照会できます。", "No 担当 is recorded for this year yet. Fill in each initiative's 担当 to send requests per 担当.";
    REQUEST_ROWS = "件の取組", " initiatives";
    REQUEST_OPENED = "開いている照会", "The request you opened";
    REQUEST_FROM = "依頼者", "From";
    REQUEST_TODO = "記入する取組", "Initiatives to fill in";
    ANSWER_MAKE = "回答ファイルを作る", "Make the answer file";
    ANSWER_MADE = "回答ファイルを書き出しました。事務局に送ってください。", "The answer file was saved. Send it to the secretariat.";
    REQUEST_CLOSE = "この照会を閉じる", "Put this request away";
    ANSWERS_TITLE = "読み込んだ回答ファイル", "Answer files read";
    FILES_REFUSED = "読み込まなかったファイル", "Files not read";
    SHEET_ALONE = "評価シート（.xlsx）は、ほかのファイルと一緒にではなく一つずつ読み込んでください。", "Import a 評価シート (.xlsx) on its own, not together with other files.";
    ANSWERS_APPLY_HINT = "取り込む内容は下の「読み込む前の確認」で確かめてから適用します。", "Check what they would change below, then apply.";
    BOARD_TITLE = "回答状況", "Answers received";
    BOARD_OWNER = "担当", "Responsible";
    BOARD_REQUESTED = "照会した取組", "Rows asked";
    BOARD_ANSWERED = "回答済み", "Answered";
    BOARD_PARTIAL = "記入途中", "Partly filled in";
    BOARD_EMPTY = "未記入", "Empty";
    BOARD_CONFLICT = "競合", "In conflict";
    BOARD_OVERDUE = "期限切れ", "Overdue";
    BOARD_LAST_ANSWER = "最後の回答", "Last answer";
    BOARD_UNASSIGNED = "担当が決まっていない取組（照会されません）", "Initiatives with no 担当 (nobody is asked)";
    BOARD_ANSWERED_RULE = "「回答済み」は、その年度の進捗状況と実績の両方が記入されている取組です。", "“Answered” means both the status and the results of the year are filled in.";
    ANSWER_NOT_APPLIED = "取り込まなかった記録", "Records not taken";
    REQUEST_COMMENTS = "事務局からのコメント", "Comments from the secretariat";
    REQUEST_INSTRUCTIONS = "事務局からの依頼", "Instructions from the secretariat";
}

#[cfg(test)]
#[path = "i18n_tests.rs"]
mod tests;
