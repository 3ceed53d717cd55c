//! The JSON form of a framework, an assessment and a published table: how to load a full
//! annex.
//!
//! A province, district or city that holds its complete annex (Phụ lục: every domain,
//! criterion and sub-criterion with its maximum and scoring rule) writes it once as JSON and
//! loads it with `serde_json` (feature `serde`, on by default). The text is turned into a
//! [`FrameworkSpec`](crate::framework::FrameworkSpec) and validated whole by
//! [`Framework::from_spec`](crate::Framework::from_spec) (deserializing a
//! [`Framework`](crate::Framework) directly does both). A complete worked file, an
//! illustrative provincial annex with every kind of node and rule, ships with the crate as
//! `examples/data/province-annex-illustrative.json`.
//!
//! Conventions:
//!
//! - **Decimals are strings** (`"14.5"`), or plain integers (`10`). A JSON number with a
//!   fraction (`14.5`) is refused, because it reaches the reader as a binary float that may
//!   already have lost digits.
//! - **Unknown fields are refused**, so a misspelt field is an error, not a silently ignored
//!   setting.
//! - Enumerations are written in `snake_case`.
//!
//! # Framework ([`FrameworkSpec`](crate::framework::FrameworkSpec))
//!
//! | field | type | default | meaning |
//! |---|---|---|---|
//! | `info` | object, below | required | what the framework is and where it comes from |
//! | `total_points` | decimal | required | the declared total (100 for the PAR Index); the domains' maxima must add up to it |
//! | `combine` | `"sum"` or `"weighted_mean"` | `"sum"` | how domains combine into the total |
//! | `when_not_applicable` | `"drop_maximum"` or `"rescale"` | `"drop_maximum"` | what the total does with domains that do not apply |
//! | `nodes` | array of nodes | required | every node, in any order |
//!
//! # Framework metadata ([`FrameworkInfo`](crate::framework::FrameworkInfo))
//!
//! | field | type | default | meaning |
//! |---|---|---|---|
//! | `id` | string | required | stable identifier; assessments name it |
//! | `title` | string | required | title for people |
//! | `decision` | object or null | null | `{"number": "2948/QĐ-BNV", "date": "2017-12-28", "issuer": "Bộ Nội vụ"}`; `date` and `issuer` may be omitted |
//! | `applies_from` | integer or null | null | first assessment year |
//! | `applies_until` | integer or null | null | last assessment year, once replaced |
//! | `illustrative` | boolean | false | true for an illustration, not an official method |
//! | `verified_depth` | `"domain"`, `"criterion"`, `"sub_criterion"` or null | null | deepest level verified against the source; null when complete |
//! | `sources` | array of strings | `[]` | URLs the numbers come from |
//! | `notes` | string | `""` | what is not verified, known inconsistencies |
//!
//! # Node ([`NodeSpec`](crate::framework::NodeSpec))
//!
//! | field | type | default | meaning |
//! |---|---|---|---|
//! | `code` | string | required | `"3"`, `"3.2"`, `"3.2.1"`, `"II.5.1.a"`: ASCII letters and digits separated by dots |
//! | `parent` | string | absent | the parent's code; absent for a domain |
//! | `name_vi` | string | required | the name as printed in the decision |
//! | `name_en` | string | `""` | an English name |
//! | `max_points` | decimal | required | maximum points, above 0; under a summing parent, the children's maxima must add up to the parent's |
//! | `method` | `"appraisal"`, `"leader_survey"`, `"citizen_survey"`, `"survey"`, `"statistics"` | `"appraisal"` | how the node is assessed |
//! | `rule` | rule object | absent (direct) | leaves only: how evidence becomes points |
//! | `combine` | `"sum"` or `"weighted_mean"` | `"sum"` | parents only: how children combine |
//! | `when_not_applicable` | `"drop_maximum"` or `"rescale"` | `"drop_maximum"` | parents only: drop the maximum of children that do not apply, or rescale the rest to the full maximum |
//! | `weight` | decimal | absent | required for, and only for, children of a `weighted_mean` parent |
//! | `optional` | boolean | false | leaves only: a unit may report the leaf not applicable ("not assigned → not scored") |
//!
//! # Rule ([`Rule`](crate::Rule))
//!
//! An object tagged by `kind`. Rates and thresholds are in percent.
//!
//! | `kind` | other fields | evidence | points |
//! |---|---|---|---|
//! | `"direct"` | none | `points` | as entered, `0..=max` |
//! | `"yes_no"` | `points_if_yes` (decimal, default the maximum) | `flag` | yes → `points_if_yes`, no → 0 |
//! | `"proportional"` | `full_at_percent` (default `"100"`), `zero_denominator` | `rate`, `percent` | min(rate ÷ `full_at_percent`, 1) × max |
//! | `"threshold_bands"` | `bands`: `[{"at_least": "100", "points": "1"}, …]` highest first, `zero_denominator` | `rate`, `percent` | the first band reached; 0 below the last |
//! | `"linear"` | `zero_at`, `full_at` (may run downwards) | `value`, `percent`, `rate` | linear between the bounds, clamped |
//! | `"deduction"` | `per_violation`, `floor` (default `"0"`) | `count` | max − count × `per_violation`, never below `floor` |
//! | `"survey_mean"` | `scale_min`, `scale_max` | `survey_mean` | linear from `scale_min` (0) to `scale_max` (max) |
//! | `"count_bands"` | `bands`: `[{"at_least": 4, "points": "20"}, …]` highest first | `count` | the first band reached; 0 below the last |
//!
//! `zero_denominator` says what a rate with denominator 0 scores: `"error"` (the default:
//! the framework must say), `"full_points"` ("no complaint received → full points"),
//! `"zero_points"`, or `"not_applicable"` (only on an optional leaf).
//!
//! # Assessment ([`Assessment`](crate::Assessment)) and entry ([`Entry`](crate::Entry))
//!
//! | field | type | default | meaning |
//! |---|---|---|---|
//! | `framework` | string | required | the framework's id |
//! | `unit` | string | required | the unit's identifier |
//! | `unit_name` | string | `""` | the unit's name |
//! | `period` | string | required | `"2021"`, `"2021-H1"` |
//! | `entries` | array of entries | `[]` | one per leaf at most |
//! | `adjustments` | array | `[]` | `{"label": "…", "points": "-0.5", "reason": "…"}` on top of the total |
//!
//! An entry has a `code` (required), and any of `evidence`, `self_assessed` (decimal),
//! `appraised` (decimal), `note` (string) and `evidence_refs` (array of strings). Final points
//! are the appraised points if given, else the rule applied to the evidence, else the
//! self-assessed points.
//!
//! # Evidence ([`Evidence`](crate::Evidence))
//!
//! | JSON | for rules |
//! |---|---|
//! | `{"points": "1.5"}` | `direct` |
//! | `{"flag": true}` | `yes_no` |
//! | `{"rate": {"numerator": "7723", "denominator": "8037"}}` | `proportional`, `threshold_bands`, `linear` |
//! | `{"percent": "96.09"}` | `proportional`, `threshold_bands`, `linear` |
//! | `{"count": 3}` | `deduction`, `count_bands` |
//! | `{"value": "2"}` | `linear` |
//! | `{"survey_mean": "4.12"}` | `survey_mean` |
//! | `"not_applicable"` | any optional leaf |
//!
//! An evidence object holds exactly one kind: `{"count": 3, "flag": true}` is refused with
//! "evidence holds one kind, but `count` is followed by `flag`", and `{"count": 3, "count": 4}`
//! with "duplicate field `count`".
//!
//! # Published table ([`PublishedTable`](crate::pinning::PublishedTable))
//!
//! For [`pin`](crate::pinning::pin): `sources` (array of strings), `framework` and `period` (checked
//! against every scorecard when given), `coverage` (`"complete"`, `"top"` or `"excerpt"`;
//! default `"complete"`), `notes`, and `rows`: `{"unit": "…", "name": "…", "index": "85.78",
//! "rank": 29, "grade": "B", "parts": [{"code": "appraisal", "points": "54.20"}]}` where
//! only `unit` and `index` are required.
//!
//! # Example
//!
//! ```
//! # #[cfg(feature = "serde")] {
//! use par_index::{Assessment, Framework, RoundingPolicy};
//!
//! let annex = r#"{
//!   "info": {"id": "ward-demo", "title": "Ward index (illustrative)", "illustrative": true},
//!   "total_points": 10,
//!   "nodes": [
//!     {"code": "1", "name_vi": "Cải cách thủ tục hành chính", "max_points": 10},
//!     {"code": "1.1", "parent": "1", "name_vi": "Tỷ lệ hồ sơ giải quyết đúng hạn",
//!      "max_points": "7.5",
//!      "rule": {"kind": "threshold_bands",
//!               "bands": [{"at_least": "100", "points": "7.5"},
//!                         {"at_least": "95", "points": "5"}]}},
//!     {"code": "1.2", "parent": "1", "name_vi": "Xin lỗi khi trễ hạn", "max_points": "2.5",
//!      "rule": {"kind": "proportional", "zero_denominator": "full_points"}}
//!   ]
//! }"#;
//! let framework: Framework = serde_json::from_str(annex)?;
//!
//! let ward: Assessment = serde_json::from_str(r#"{
//!   "framework": "ward-demo", "unit": "ward-1", "period": "2021-H1",
//!   "entries": [
//!     {"code": "1.1", "evidence": {"rate": {"numerator": 5378, "denominator": 5597}}},
//!     {"code": "1.2", "evidence": {"rate": {"numerator": 0, "denominator": 0}}}
//!   ]
//! }"#)?;
//! let scorecard = framework.score(&ward)?;
//! assert_eq!(scorecard.publish(&RoundingPolicy::default()).index.to_string(), "75.00");
//!
//! // A fraction written as a JSON number is refused.
//! let error = serde_json::from_str::<Framework>(&annex.replace("\"7.5\",", "7.5,")).unwrap_err();
//! assert!(error.to_string().contains("must be written as a string"));
//! # }
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
