//! Who uses this browser: a visitor reading the published record, a member of
//! staff recording their part (記入), or the 事務局 compiling the year. The
//! role is a choice made in the page and kept in the browser, not a password:
//! a static page has no server that could check it.

/// What this browser is used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Reads the record; nothing can be changed.
    #[default]
    Visitor,
    /// Records the rows its 担当 answers for.
    Recorder,
    /// Also sends requests, collects answers, reviews, closes and publishes.
    Secretariat,
}

impl Role {
    pub fn records(self) -> bool {
        self != Role::Visitor
    }

    /// How the role is kept in storage.
    pub fn code(self) -> &'static str {
        match self {
            Role::Visitor => "visitor",
            Role::Recorder => "recorder",
            Role::Secretariat => "secretariat",
        }
    }

    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Visitor, Role::Recorder, Role::Secretariat].into_iter().find(|r| r.code() == code)
    }
}

/// A field of the profile that must be filled before recording.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileField {
    /// 記入者名: every edit carries it.
    Name,
    /// 担当: which rows this browser answers for.
    Owner,
}

/// The person recording in this browser, as typed. Kept as three plain
/// strings (see [`Profile::read`]), so the first screen needs no decoder.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Profile {
    pub role: Role,
    /// 記入者名, as typed (trimmed where it is used).
    pub name: String,
    /// 担当 (課・団体), as typed.
    pub owner: String,
}

impl Profile {
    /// Longer names are cut where stored: a stamp is not a place for prose.
    pub const MAX_CHARS: usize = 60;

    /// The profile kept in this browser: the role's [`Role::code`], the name
    /// and the 担当, each as stored. A name stored without a role was kept
    /// before roles existed, by a browser that was recording: it goes on
    /// recording. An unknown role reads as a visitor's (losing it costs one
    /// click).
    pub fn read(role: Option<&str>, name: Option<&str>, owner: Option<&str>) -> Profile {
        let name = name.unwrap_or_default().to_string();
        let role = match role {
            Some(code) => Role::from_code(code).unwrap_or_default(),
            None if !name.trim().is_empty() => Role::Recorder,
            None => Role::Visitor,
        };
        Profile { role, name, owner: owner.unwrap_or_default().to_string() }.bounded()
    }

    /// The name edits are stamped with, if there is one.
    pub fn author(&self) -> Option<&str> {
        Some(self.name.trim()).filter(|n| !n.is_empty())
    }

    /// The 担当, if set.
    pub fn owner(&self) -> Option<&str> {
        Some(self.owner.trim()).filter(|o| !o.is_empty())
    }

    /// Whether edits can be made: never without an author.
    pub fn can_record(&self) -> bool {
        self.role.records() && self.author().is_some()
    }

    /// What is still to fill before recording can start.
    pub fn missing(&self) -> Vec<ProfileField> {
        let mut missing = Vec::new();
        if self.author().is_none() {
            missing.push(ProfileField::Name);
        }
        if self.owner().is_none() {
            missing.push(ProfileField::Owner);
        }
        missing
    }

    fn bounded(mut self) -> Profile {
        for text in [&mut self.name, &mut self.owner] {
            if let Some((cut, _)) = text.char_indices().nth(Profile::MAX_CHARS) {
                text.truncate(cut);
            }
        }
        self
    }

    /// The profile with `name` as typed (bounded).
    pub fn with_name(&self, name: &str) -> Profile {
        Profile { name: name.to_string(), ..self.clone() }.bounded()
    }

    /// The profile with `owner` as typed (bounded).
    pub fn with_owner(&self, owner: &str) -> Profile {
        Profile { owner: owner.to_string(), ..self.clone() }.bounded()
    }

    pub fn with_role(&self, role: Role) -> Profile {
        Profile { role, ..self.clone() }
    }
}

#[cfg(test)]
#[path = "staff_tests.rs"]
mod tests;
