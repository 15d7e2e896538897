//! A test's frontmatter (`/*--- ... ---*/`), read with a real YAML parser as INTERPRETING.md
//! asks: `flags` and `includes` are flow lists, `features` is sometimes a block list, and
//! `negative` is a nested mapping.

use yaml_rust2::{Yaml, YamlLoader};

/// When a negative test's error must appear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    Parse,
    Resolution,
    Runtime,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Negative {
    pub phase: Phase,
    /// The error constructor's name, compared by name.
    pub kind: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[allow(clippy::struct_excessive_bools, reason = "one bool per test262 flag")]
pub struct Flags {
    pub only_strict: bool,
    pub no_strict: bool,
    pub module: bool,
    pub raw: bool,
    pub is_async: bool,
    pub can_block_is_false: bool,
    pub can_block_is_true: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Meta {
    pub includes: Vec<String>,
    pub flags: Flags,
    pub negative: Option<Negative>,
    pub features: Vec<String>,
}

impl Meta {
    /// Reads the frontmatter of a test's source.
    pub fn parse(source: &str) -> Result<Self, String> {
        let start = source
            .find("/*---")
            .ok_or("the test has no /*--- frontmatter")?;
        let end = source[start..]
            .find("---*/")
            .map(|end| start + end)
            .ok_or("the frontmatter is not closed with ---*/")?;
        let docs = YamlLoader::load_from_str(&source[start + 5..end])
            .map_err(|error| format!("frontmatter: {error}"))?;
        let Some(doc) = docs.first() else {
            return Ok(Self::default());
        };
        let mut flags = Flags::default();
        for flag in strings(&doc["flags"]) {
            match flag.as_str() {
                "onlyStrict" => flags.only_strict = true,
                "noStrict" => flags.no_strict = true,
                "module" => flags.module = true,
                "raw" => flags.raw = true,
                "async" => flags.is_async = true,
                "CanBlockIsFalse" => flags.can_block_is_false = true,
                "CanBlockIsTrue" => flags.can_block_is_true = true,
                // `generated` and `non-deterministic` are informational.
                _ => {}
            }
        }
        let negative = match &doc["negative"] {
            Yaml::BadValue | Yaml::Null => None,
            negative => {
                let phase = match negative["phase"].as_str() {
                    Some("parse") => Phase::Parse,
                    Some("resolution") => Phase::Resolution,
                    Some("runtime") => Phase::Runtime,
                    other => return Err(format!("negative: unknown phase {other:?}")),
                };
                let kind = negative["type"]
                    .as_str()
                    .ok_or("negative: no type")?
                    .to_owned();
                Some(Negative { phase, kind })
            }
        };
        Ok(Self {
            includes: strings(&doc["includes"]),
            flags,
            negative,
            features: strings(&doc["features"]),
        })
    }
}

fn strings(value: &Yaml) -> Vec<String> {
    value
        .as_vec()
        .map(|items| {
            items
                .iter()
                .filter_map(|item| item.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_key() {
        let source = "// header\n/*---\ndescription: x\nincludes: [a.js, b.js]\nflags: [onlyStrict, async]\n\
            negative:\n  phase: parse\n  type: SyntaxError\nfeatures:\n  - BigInt\n  - Symbol\n---*/\n$DONOTEVALUATE();";
        let meta = Meta::parse(source).expect("valid frontmatter");
        assert_eq!(meta.includes, ["a.js", "b.js"]);
        assert!(meta.flags.only_strict && meta.flags.is_async && !meta.flags.module);
        assert_eq!(
            meta.negative,
            Some(Negative {
                phase: Phase::Parse,
                kind: "SyntaxError".into()
            })
        );
        assert_eq!(meta.features, ["BigInt", "Symbol"]);
    }

    #[test]
    fn missing_frontmatter_is_an_error() {
        assert!(Meta::parse("1 + 1").is_err());
    }
}
