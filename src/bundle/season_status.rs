//! Where a show's next season stands, whoever says so: the editor's outlook status, or else what
//! NextSeason found in the data. The catalogue filters, counts and sorts by it, and the home
//! page's "Coming next" is its first three values.

use super::imported::DataStatus;
use serde::{Deserialize, Serialize};

/// The editor's outlook status: what the editor read in the announcements.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    NoAnnouncement,
    Announced,
    Dated,
    Airing,
    Cancelled,
}

impl Status {
    pub const ALL: [Status; 5] = [Status::NoAnnouncement, Status::Announced, Status::Dated, Status::Airing, Status::Cancelled];

    pub fn label(self) -> &'static str {
        match self {
            Self::NoAnnouncement => "No announcement",
            Self::Announced => "Announced",
            Self::Dated => "Date announced",
            Self::Airing => "Airing",
            Self::Cancelled => "Cancelled",
        }
    }

    /// The bundle's own word, used as a CSS modifier.
    pub fn key(self) -> &'static str {
        match self {
            Self::NoAnnouncement => "no-announcement",
            Self::Announced => "announced",
            Self::Dated => "dated",
            Self::Airing => "airing",
            Self::Cancelled => "cancelled",
        }
    }
}

/// The editor's statuses and the data's, as one list for the catalogue. Airing and dated mean
/// the same whether an editor or the data says so, and count as one value; the show's badge
/// still tells whose reading it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Deserialize, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SeasonStatus {
    Airing,
    Dated,
    Announced,
    Aired,
    FilmsOnly,
    NothingLater,
    NoAnnouncement,
    Cancelled,
}

impl SeasonStatus {
    /// In the order of the outlook filter: what is coming first, then what is known to have
    /// come, then what is not known.
    pub const ALL: [SeasonStatus; 8] = [
        Self::Airing,
        Self::Dated,
        Self::Announced,
        Self::Aired,
        Self::FilmsOnly,
        Self::NothingLater,
        Self::NoAnnouncement,
        Self::Cancelled,
    ];

    /// The editor's status when there is one (editors win), else the data's.
    pub fn of(editor: Option<Status>, data: Option<DataStatus>) -> Option<SeasonStatus> {
        match (editor, data) {
            (Some(status), _) => Some(match status {
                Status::Airing => Self::Airing,
                Status::Dated => Self::Dated,
                Status::Announced => Self::Announced,
                Status::NoAnnouncement => Self::NoAnnouncement,
                Status::Cancelled => Self::Cancelled,
            }),
            (None, Some(status)) => Some(match status {
                DataStatus::Airing => Self::Airing,
                DataStatus::Dated => Self::Dated,
                DataStatus::Aired => Self::Aired,
                DataStatus::FilmsOnly => Self::FilmsOnly,
                DataStatus::NothingLater => Self::NothingLater,
            }),
            (None, None) => None,
        }
    }

    /// The filter's label: whoever says so, so worded that it is true of both.
    pub fn label(self) -> &'static str {
        match self {
            Self::Airing => "Next season airing",
            Self::Dated => "Next season dated",
            Self::Announced => "Next season announced",
            Self::Aired => "A later season aired",
            Self::FilmsOnly => "Only films or specials found later",
            Self::NothingLater => "No later season found",
            Self::NoAnnouncement => "No announcement",
            Self::Cancelled => "Cancelled",
        }
    }

    /// The URL's key; the editor's statuses keep the keys the filter always had.
    pub fn key(self) -> &'static str {
        match self {
            Self::Airing => "airing",
            Self::Dated => "dated",
            Self::Announced => "announced",
            Self::Aired => "aired",
            Self::FilmsOnly => "films-only",
            Self::NothingLater => "nothing-later",
            Self::NoAnnouncement => "no-announcement",
            Self::Cancelled => "cancelled",
        }
    }

    /// A next season that fans can wait for: on the air, dated or announced ("Coming next").
    pub fn is_coming(self) -> bool {
        matches!(self, Self::Airing | Self::Dated | Self::Announced)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_editor_wins_and_alike_statuses_are_one() {
        assert_eq!(SeasonStatus::of(Some(Status::Cancelled), Some(DataStatus::Dated)), Some(SeasonStatus::Cancelled));
        assert_eq!(SeasonStatus::of(None, Some(DataStatus::Dated)), SeasonStatus::of(Some(Status::Dated), None));
        assert_eq!(SeasonStatus::of(None, None), None);
        // Keys are unique, and the editor's keep their old URLs.
        let keys: std::collections::HashSet<_> = SeasonStatus::ALL.map(SeasonStatus::key).into_iter().collect();
        assert_eq!(keys.len(), SeasonStatus::ALL.len());
        for status in Status::ALL {
            assert_eq!(SeasonStatus::of(Some(status), None).unwrap().key(), status.key());
        }
        assert_eq!(SeasonStatus::ALL.iter().filter(|s| s.is_coming()).count(), 3);
    }
}
