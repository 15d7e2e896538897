//! Results of a run: the JSON report per mode and the Markdown summary.

use std::{
    collections::BTreeMap,
    fmt::Write as _,
    fs,
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};

use crate::{
    expect::Comparison,
    protocol::Outcome,
    suite::{Mode, Variant, top_folder},
};

/// One execution's result.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Record {
    /// Relative to the suite's test folder (`built-ins/Array/...`).
    pub path: String,
    pub variant: Variant,
    pub mode: Mode,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub message: String,
    /// Wall-clock milliseconds, worker round trip included.
    #[serde(default)]
    pub ms: u64,
}

/// Everything about one mode's run.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct RunReport {
    pub mode: Mode,
    /// `tc39/test262 <commit> <date>` of the suite, when known.
    pub suite: Option<String>,
    /// UTC date of the run, `YYYY-MM-DD`.
    pub date: String,
    /// No filter, no sample: every test of the suite.
    pub full: bool,
    pub filters: Vec<String>,
    pub sample: Option<usize>,
    pub workers: usize,
    /// Wall-clock seconds of the whole invocation (all modes run together share it).
    pub seconds: f64,
    pub results: Vec<Record>,
}

impl RunReport {
    /// `<out>/<mode>.json` for full runs, `<mode>.partial.json` otherwise, so a filtered run
    /// never replaces the full run that the docs are generated from.
    pub fn path(out: &Path, mode: Mode, full: bool) -> PathBuf {
        if full {
            out.join(format!("{}.json", mode.name()))
        } else {
            out.join(format!("{}.partial.json", mode.name()))
        }
    }

    /// Writes the report with one result per line, so it greps well.
    pub fn save(&self, out: &Path) -> Result<PathBuf, String> {
        let mut header = serde_json::to_value(self).map_err(|e| e.to_string())?;
        if let Some(object) = header.as_object_mut() {
            object.remove("results");
        }
        let header = serde_json::to_string(&header).map_err(|e| e.to_string())?;
        let mut text = String::with_capacity(self.results.len() * 120);
        text.push_str(header.trim_end_matches('}'));
        text.push_str(",\"results\":[\n");
        for (i, record) in self.results.iter().enumerate() {
            let line = serde_json::to_string(record).map_err(|e| e.to_string())?;
            text.push_str(&line);
            text.push_str(if i + 1 == self.results.len() {
                "\n"
            } else {
                ",\n"
            });
        }
        text.push_str("]}\n");
        fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
        let path = Self::path(out, self.mode, self.full);
        fs::write(&path, text).map_err(|e| format!("{}: {e}", path.display()))?;
        Ok(path)
    }

    pub fn load(path: &Path) -> Result<Self, String> {
        let text = fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }
}

/// Outcome counts.
#[derive(Debug, Clone, Copy, Default)]
pub struct Tally {
    pub pass: usize,
    pub fail: usize,
    pub skip: usize,
    pub timeout: usize,
    pub crash: usize,
}

impl Tally {
    pub fn of<'a>(records: impl IntoIterator<Item = &'a Record>) -> Self {
        let mut tally = Self::default();
        for record in records {
            tally.add(record.outcome);
        }
        tally
    }

    pub fn add(&mut self, outcome: Outcome) {
        match outcome {
            Outcome::Pass => self.pass += 1,
            Outcome::Fail => self.fail += 1,
            Outcome::Skip => self.skip += 1,
            Outcome::Timeout => self.timeout += 1,
            Outcome::Crash => self.crash += 1,
        }
    }

    pub fn total(&self) -> usize {
        self.pass + self.fail + self.skip + self.timeout + self.crash
    }

    /// Executions that ran (not skipped).
    pub fn ran(&self) -> usize {
        self.total() - self.skip
    }

    /// Passes among the executions that ran, in percent.
    pub fn rate(&self) -> f64 {
        if self.ran() == 0 {
            0.0
        } else {
            100.0 * self.pass as f64 / self.ran() as f64
        }
    }
}

/// Counts per top-level folder, in a stable order.
pub fn by_folder(records: &[Record]) -> BTreeMap<String, Tally> {
    let mut folders: BTreeMap<String, Tally> = BTreeMap::new();
    for record in records {
        folders
            .entry(top_folder(&record.path).to_owned())
            .or_default()
            .add(record.outcome);
    }
    folders
}

/// The Markdown summary of a run: counts per mode and folder, then the unexpected outcomes.
pub fn summary(reports: &[(RunReport, Comparison<'_>)]) -> String {
    let mut text = String::from("# test262 run\n\n");
    if let Some((first, _)) = reports.first() {
        let _ = writeln!(
            text,
            "Suite: {}. Date: {}. {} workers, {:.0} s.{}\n",
            first.suite.as_deref().unwrap_or("unknown"),
            first.date,
            first.workers,
            first.seconds,
            if first.full {
                String::new()
            } else {
                format!(
                    " Partial run (filters {:?}, sample {:?}).",
                    first.filters, first.sample
                )
            }
        );
    }
    text.push_str(
        "| mode | executions | pass | fail | skip | timeout | crash | pass rate | unexpected failures | unexpected passes |\n\
         |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n",
    );
    for (report, comparison) in reports {
        let t = Tally::of(&report.results);
        let _ = writeln!(
            text,
            "| {} | {} | {} | {} | {} | {} | {} | {:.2}% | {} | {} |",
            report.mode,
            t.total(),
            t.pass,
            t.fail,
            t.skip,
            t.timeout,
            t.crash,
            t.rate(),
            comparison.new_failures.len(),
            comparison.new_passes.len()
        );
    }
    for (report, comparison) in reports {
        let _ = writeln!(text, "\n## {}\n", report.mode);
        text.push_str("| folder | executions | pass | fail | skip | pass rate |\n|---|---:|---:|---:|---:|---:|\n");
        for (folder, t) in by_folder(&report.results) {
            let _ = writeln!(
                text,
                "| {folder} | {} | {} | {} | {} | {:.2}% |",
                t.total(),
                t.pass,
                t.fail + t.timeout + t.crash,
                t.skip,
                t.rate()
            );
        }
        for (title, list) in [
            ("Unexpected failures", &comparison.new_failures),
            ("Unexpected passes", &comparison.new_passes),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = writeln!(text, "\n### {title} ({})\n", list.len());
            for record in list.iter() {
                let _ = writeln!(
                    text,
                    "- `{}` ({}, {}): {}",
                    record.path,
                    record.variant.name(),
                    record.outcome.name(),
                    one_line(&record.message, 300)
                );
            }
        }
    }
    text
}

/// A message on one line, cut at `max` characters.
pub fn one_line(message: &str, max: usize) -> String {
    let flat: String = message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if flat.chars().count() > max {
        let cut: String = flat.chars().take(max).collect();
        format!("{cut}…")
    } else {
        flat
    }
}

/// Today's UTC date as `YYYY-MM-DD` (days-to-civil conversion of the Unix time).
pub fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let days = i64::try_from(secs / 86_400).unwrap_or(0);
    let (y, m, d) = civil_from_days(days);
    format!("{y:04}-{m:02}-{d:02}")
}

/// The proleptic Gregorian date of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    (
        y,
        u32::try_from(m).unwrap_or(1),
        u32::try_from(d).unwrap_or(1),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(11_016), (2000, 2, 29));
        assert_eq!(civil_from_days(20_454), (2026, 1, 1));
    }
}
