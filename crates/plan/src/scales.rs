//! The evaluation's scales as data: the 自己評価 grades and the 今後の方向性
//! list a plan's council uses. Kama's are the default; another plan states
//! its own in its plan file (`evaluation` in `data/README.md`), and records
//! hold only the codes, checked against the plan when a file is read.

use serde::{Deserialize, Serialize};

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

    pub fn is_default(&self) -> bool {
        *self == Scales::default()
    }
}

fn choice(code: &str, ja: &str, en: &str) -> Choice {
    Choice { code: code.to_string(), ja: ja.to_string(), en: en.to_string() }
}

impl Default for Scales {
    /// The scales Kama's council reads (see `../shared/notes/evaluation-practice.md`).
    fn default() -> Scales {
        Scales {
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
