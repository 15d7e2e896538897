//! The suites' pinned home. `test262/suites.toml` names each suite's repository, commit and
//! paths; a suite found nowhere else is fetched at exactly that commit, with git (a shallow,
//! sparse, blob-less fetch of the one commit), into `target/suites/<suite>-<commit>/`, once.

use std::{
    fs,
    path::{Path, PathBuf},
    process::Command,
};

use serde::Deserialize;

/// One suite's pin.
#[derive(Debug, Clone, Deserialize)]
pub struct Pin {
    /// `owner/repository`, for messages and the UPSTREAM file.
    pub name: String,
    pub repository: String,
    pub commit: String,
    pub date: String,
    /// What to check out (folders or files, relative to the repository).
    pub paths: Vec<String>,
    /// The folder of the checkout the runner reads (relative to the repository).
    pub root: String,
}

#[derive(Debug, Deserialize)]
struct Pins {
    test262: Pin,
    #[serde(rename = "compartment-tests")]
    compartment_tests: Pin,
}

/// Which suite.
#[derive(Debug, Clone, Copy)]
pub enum Which {
    Test262,
    CompartmentTests,
}

/// The pin of a suite, from `test262/suites.toml` in the workspace.
pub fn pin(workspace: &Path, which: Which) -> Result<Pin, String> {
    let path = workspace.join("test262/suites.toml");
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    let pins: Pins = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(match which {
        Which::Test262 => pins.test262,
        Which::CompartmentTests => pins.compartment_tests,
    })
}

/// The suite's folder under `into`, fetched first when it is not there yet.
pub fn fetched(pin: &Pin, into: &Path) -> Result<PathBuf, String> {
    let slug = pin.name.replace('/', "-");
    let dest = into.join(format!("{slug}-{}", short(&pin.commit)));
    let root = dest.join(&pin.root);
    if dest.join("UPSTREAM").is_file() {
        return Ok(root);
    }
    let partial = into.join(format!("{slug}-{}.partial", short(&pin.commit)));
    let _ = fs::remove_dir_all(&partial);
    fs::create_dir_all(&partial).map_err(|e| format!("{}: {e}", partial.display()))?;
    eprintln!(
        "conformance: {} at {} was not found; fetching it (once) from {} into {}",
        pin.name,
        short(&pin.commit),
        pin.repository,
        dest.display()
    );
    let git = |args: &[&str]| -> Result<(), String> {
        let status = Command::new("git")
            .arg("-C")
            .arg(&partial)
            .args(args)
            .status()
            .map_err(|e| format!("cannot run git ({e}): install git to fetch the suites"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`git {}` failed ({status})", args.join(" ")))
        }
    };
    let steps = || -> Result<(), String> {
        git(&["init", "-q"])?;
        git(&["remote", "add", "origin", &pin.repository])?;
        // Sparse patterns in `info/sparse-checkout` work with every git that has the feature.
        git(&["config", "core.sparseCheckout", "true"])?;
        let patterns: String = pin.paths.iter().map(|p| format!("/{p}\n")).collect();
        let info = partial.join(".git/info");
        fs::create_dir_all(&info).map_err(|e| format!("{}: {e}", info.display()))?;
        fs::write(info.join("sparse-checkout"), patterns)
            .map_err(|e| format!("{}: {e}", info.display()))?;
        git(&[
            "fetch",
            "--depth",
            "1",
            "--filter=blob:none",
            "--progress",
            "origin",
            &pin.commit,
        ])?;
        git(&["checkout", "-q", "FETCH_HEAD"])
    };
    if let Err(error) = steps() {
        let _ = fs::remove_dir_all(&partial);
        return Err(format!(
            "could not fetch {} at {} from {}: {error}. Without a network, get the suite by hand \
             (test262/README.md) and pass its folder with --test262/--compartment-tests or \
             TEST262_DIR/COMPARTMENT_TESTS_DIR",
            pin.name, pin.commit, pin.repository
        ));
    }
    let upstream = format!(
        "{} {} {}\nfetched from {} ({})\n",
        pin.name,
        pin.commit,
        pin.date,
        pin.repository,
        pin.paths.join(" ")
    );
    fs::write(partial.join("UPSTREAM"), upstream).map_err(|e| format!("UPSTREAM: {e}"))?;
    let _ = fs::remove_dir_all(&dest);
    fs::rename(&partial, &dest).map_err(|e| format!("{}: {e}", dest.display()))?;
    Ok(root)
}

fn short(commit: &str) -> &str {
    commit.get(..12).unwrap_or(commit)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn git(dir: &Path, args: &[&str]) -> String {
        let out = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@t"])
            .args(args)
            .output()
            .expect("git runs");
        assert!(out.status.success(), "git {args:?}: {out:?}");
        String::from_utf8_lossy(&out.stdout).trim().to_owned()
    }

    /// A repository with a suite-like layout, fetched through `file://` as from the network.
    #[test]
    fn fetches_the_pinned_paths_of_the_pinned_commit_once() {
        let base = std::env::temp_dir().join(format!("conformance-fetch-{}", std::process::id()));
        let _ = fs::remove_dir_all(&base);
        let upstream = base.join("upstream");
        for (file, text) in [
            ("harness/assert.js", "// v1"),
            ("test/built-ins/a.js", "// a"),
            ("test/intl402/b.js", "// left out"),
        ] {
            let path = upstream.join(file);
            fs::create_dir_all(path.parent().unwrap()).unwrap();
            fs::write(path, text).unwrap();
        }
        git(&upstream, &["init", "-q"]);
        git(&upstream, &["add", "."]);
        git(&upstream, &["commit", "-qm", "one"]);
        let pinned = git(&upstream, &["rev-parse", "HEAD"]);
        // A later commit on the branch: the pin, not the tip, is what arrives.
        fs::write(upstream.join("harness/assert.js"), "// v2").unwrap();
        git(&upstream, &["commit", "-qam", "two"]);
        git(
            &upstream,
            &["config", "uploadpack.allowAnySHA1InWant", "true"],
        );
        git(&upstream, &["config", "uploadpack.allowFilter", "true"]);
        let pin = Pin {
            name: "tc39/test262".into(),
            repository: format!("file://{}", upstream.display()),
            commit: pinned.clone(),
            date: "2026-08-07".into(),
            paths: vec!["harness".into(), "test/built-ins".into()],
            root: String::new(),
        };
        let into = base.join("suites");
        let root = fetched(&pin, &into).expect("fetched");
        assert_eq!(
            fs::read_to_string(root.join("harness/assert.js")).unwrap(),
            "// v1"
        );
        assert!(root.join("test/built-ins/a.js").is_file());
        assert!(!root.join("test/intl402").exists(), "not a pinned path");
        let upstream_file = fs::read_to_string(root.join("UPSTREAM")).unwrap();
        assert!(upstream_file.starts_with(&format!("tc39/test262 {pinned} 2026-08-07")));
        // Once: a second call finds it without git (the repository is gone).
        fs::remove_dir_all(&upstream).unwrap();
        assert_eq!(fetched(&pin, &into).expect("kept"), root);

        // Unreachable: a clear error, and nothing half-made left behind.
        let missing = Pin {
            repository: format!("file://{}", base.join("nowhere").display()),
            commit: "0".repeat(40),
            ..pin
        };
        let error = fetched(&missing, &into).expect_err("nothing to fetch from");
        assert!(error.contains("could not fetch tc39/test262"), "{error}");
        assert!(error.contains("TEST262_DIR"), "{error}");
        assert!(!into.join("tc39-test262-000000000000.partial").exists());
        let _ = fs::remove_dir_all(&base);
    }
}
