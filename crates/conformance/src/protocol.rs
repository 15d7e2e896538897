//! What the driver and its worker processes say to each other: one JSON object per line.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::suite::{Mode, Variant};

/// One execution for a worker.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Job {
    pub id: usize,
    pub mode: Mode,
    pub variant: Variant,
    /// The test file.
    pub path: PathBuf,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    Pass,
    Fail,
    Skip,
    Timeout,
    Crash,
}

impl Outcome {
    pub fn name(self) -> &'static str {
        match self {
            Self::Pass => "pass",
            Self::Fail => "fail",
            Self::Skip => "skip",
            Self::Timeout => "timeout",
            Self::Crash => "crash",
        }
    }

    /// Fail, timeout and crash: what an expectation file lists.
    pub fn is_failure(self) -> bool {
        matches!(self, Self::Fail | Self::Timeout | Self::Crash)
    }
}

/// A worker's answer to a [`Job`].
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Reply {
    pub id: usize,
    pub outcome: Outcome,
    pub message: String,
}
