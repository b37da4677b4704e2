//! The evaluation's scales as data: the 進捗状況 a plan records, the 自己評価
//! grades and the 今後の方向性 list its council uses. Kama's are the default;
//! another plan states its own in its plan file (`evaluation` in
//! `data/README.md`), and records hold only the codes, checked against the
//! plan when a file is read.

use serde::{Deserialize, Serialize};

/// 進捗状況.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Status {
    #[serde(rename = "未着手")]
    NotStarted,
    #[serde(rename = "実施中")]
    InProgress,
    #[serde(rename = "完了")]
    Done,
    #[serde(rename = "遅れ")]
    Delayed,
    #[serde(rename = "見直し")]
    Revising,
    #[serde(rename = "中止")]
    Stopped,
}

impl Status {
    pub const ALL: [Status; 6] =
        [Status::NotStarted, Status::InProgress, Status::Done, Status::Delayed, Status::Revising, Status::Stopped];

    /// The standard Japanese name, which records store. A plan may word it
    /// otherwise ([`Scales::statuses`]).
    pub fn as_ja(self) -> &'static str {
        match self {
            Status::NotStarted => "未着手",
            Status::InProgress => "実施中",
            Status::Done => "完了",
            Status::Delayed => "遅れ",
            Status::Revising => "見直し",
            Status::Stopped => "中止",
        }
    }

    /// The English name, which the interface shows and an imported sheet may use.
    pub fn as_en(self) -> &'static str {
        match self {
            Status::NotStarted => "Not started",
            Status::InProgress => "In progress",
            Status::Done => "Done",
            Status::Delayed => "Delayed",
            Status::Revising => "Under review",
            Status::Stopped => "Stopped",
        }
    }

    /// Position in [`Status::ALL`], without a search that could fail.
    pub fn index(self) -> usize {
        match self {
            Status::NotStarted => 0,
            Status::InProgress => 1,
            Status::Done => 2,
            Status::Delayed => 3,
            Status::Revising => 4,
            Status::Stopped => 5,
        }
    }
}

/// A status a plan records, in its own words: 未実施 for 未着手, say. The
/// meaning stays one of the six the app knows (the overview counts them, the
/// checks read 未着手), so records of every plan read alike.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusChoice {
    /// The status, by its standard name (`未着手`, `実施中`, …).
    pub code: Status,
    pub ja: String,
    pub en: String,
}

/// One choice of a scale: the code records store, and its labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    /// What a record stores, e.g. `A` or `継続`.
    pub code: String,
    /// What the code means, in Japanese (may equal the code).
    pub ja: String,
    pub en: String,
}

/// The scales of the yearly evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Scales {
    /// 進捗状況: the statuses staff choose from, in the plan's order and
    /// words. Plan files written before statuses were stated are Kama's six.
    #[serde(default = "kama_statuses")]
    pub statuses: Vec<StatusChoice>,
    /// 自己評価, best first.
    pub grades: Vec<Choice>,
    /// 今後の方向性.
    pub directions: Vec<Choice>,
}

impl Scales {
    pub fn grade(&self, code: &str) -> Option<&Choice> {
        self.grades.iter().find(|c| c.code == code)
    }

    pub fn direction(&self, code: &str) -> Option<&Choice> {
        self.directions.iter().find(|c| c.code == code)
    }

    /// What the plan calls `status` in Japanese; the standard name for a
    /// status it does not list (a record may still hold one).
    pub fn status_ja(&self, status: Status) -> &str {
        self.status_choice(status).map_or(status.as_ja(), |c| c.ja.as_str())
    }

    /// The same in English.
    pub fn status_en(&self, status: Status) -> &str {
        self.status_choice(status).map_or(status.as_en(), |c| c.en.as_str())
    }

    /// Whether the plan offers `status` to choose.
    pub fn lists_status(&self, status: Status) -> bool {
        self.status_choice(status).is_some()
    }

    fn status_choice(&self, status: Status) -> Option<&StatusChoice> {
        self.statuses.iter().find(|c| c.code == status)
    }

    /// The statuses a table or chart gives columns to: the plan's, in its
    /// order, then any other that `used` says is counted, so that no
    /// recorded status goes unshown.
    pub fn statuses_shown(&self, used: impl Fn(Status) -> bool) -> Vec<Status> {
        let listed = self.statuses.iter().map(|c| c.code);
        let others = Status::ALL.into_iter().filter(|&s| self.status_choice(s).is_none() && used(s));
        let mut shown: Vec<Status> = Vec::with_capacity(Status::ALL.len());
        for status in listed.chain(others) {
            if !shown.contains(&status) {
                shown.push(status);
            }
        }
        shown
    }

    pub fn is_default(&self) -> bool {
        *self == Scales::default()
    }
}

/// Kama's six, worded as their standard names.
fn kama_statuses() -> Vec<StatusChoice> {
    Status::ALL.into_iter().map(|code| StatusChoice { code, ja: code.as_ja().into(), en: code.as_en().into() }).collect()
}

fn choice(code: &str, ja: &str, en: &str) -> Choice {
    Choice { code: code.to_string(), ja: ja.to_string(), en: en.to_string() }
}

impl Default for Scales {
    /// The scales Kama's council reads (see `../shared/notes/evaluation-practice.md`).
    fn default() -> Scales {
        Scales {
            statuses: kama_statuses(),
            grades: vec![
                choice("A", "計画どおり以上に実施", "Done as planned or better"),
                choice("B", "おおむね計画どおり", "Mostly as planned"),
                choice("C", "一部実施・遅れ", "Partly done or behind"),
                choice("D", "未実施", "Not done"),
                choice("対象外", "評価対象外", "Not evaluated"),
            ],
            directions: vec![
                choice("拡充", "拡充", "Expand"),
                choice("継続", "継続", "Continue"),
                choice("見直し", "見直し", "Revise"),
                choice("縮小", "縮小", "Reduce"),
                choice("廃止", "廃止", "Discontinue"),
                choice("完了", "完了", "Completed"),
            ],
        }
    }
}

#[cfg(test)]
#[path = "scales_tests.rs"]
mod tests;
