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
    /// `--verify`'s counterfactuals: how the mode's engine differs.
    #[serde(default)]
    pub engine: EngineState,
}

/// A hardened mode's engine, as the mode has it or as `--verify` changes it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum EngineState {
    /// As the mode says (locked down, except for the Compartment suite).
    #[default]
    AsMode,
    /// Not locked down.
    Unlocked,
    /// Not locked down, with the intrinsics frozen by the runner and nothing tamed: the freeze
    /// without lockdown's other changes.
    FrozenOnly,
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
    /// The worker ends after this reply (an agent thread of the test still runs); the driver
    /// starts another for the next job.
    #[serde(default)]
    pub retire: bool,
}
