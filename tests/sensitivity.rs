//! Variance-based sensitivity: the same outputs and indices as SALib on the same runs,
//! reproducibility, the design's shape, and refusals.

mod common;

use std::path::PathBuf;

use par_index::analysis::sensitivity::{
    Design, Factor, RankSensitivity, SensitivityOptions, SobolIndices,
};
use par_index::bulk::PointsTable;

/// The SALib dump: `tests/fixtures/salib`, or the folder `PAR_SALIB_FIXTURE` names (as
/// `.ci/salib-check` sets it to a dump just made).
fn salib_dir() -> PathBuf {
    std::env::var_os("PAR_SALIB_FIXTURE")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/salib"))
}

/// A CSV of numbers under a header, `#` lines skipped: the header and the rows.
fn read_numbers(path: PathBuf, skip_first_column: bool) -> (Vec<String>, Vec<Vec<f64>>) {
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path:?}: {e}"));
    let mut lines = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    let header = lines
        .next()
        .unwrap()
        .split(',')
        .map(str::to_owned)
        .collect();
    let rows = lines
        .map(|line| {
            line.split(',')
                .skip(usize::from(skip_first_column))
                .map(|v| v.parse().unwrap())
                .collect()
        })
        .collect();
    (header, rows)
}

#[test]
fn salib_outputs_and_indices_are_reproduced_on_the_same_runs() {
    let dir = salib_dir();
    let (framework, columns, rows) = common::bench_data(&dir);
    let mut table =
        PointsTable::with_columns(&framework, "bench".parse().unwrap(), &columns).unwrap();
    for (unit, points) in rows {
        table.push(unit, points).unwrap();
    }
    let scores = table.score().unwrap();
    let analysis = RankSensitivity::from_scores(&scores);
    let options = SensitivityOptions::default();
    let factors = analysis.factors(&options);
    assert_eq!(factors.len(), 8);
    assert_eq!(factors[0], Factor::DomainWeight("1".parse().unwrap()));

    // The design SALib drew and the output numpy computed for each of its runs.
    let (header, runs) = read_numbers(dir.join("design.csv"), false);
    assert_eq!(header.last().map(String::as_str), Some("Y"));
    let design = Design::from_rows(runs.iter().map(|r| &r[..8])).unwrap();
    let salib_y: Vec<f64> = runs.iter().map(|r| r[8]).collect();
    assert_eq!(design.runs(), 32 * 10);

    let y = analysis.outputs(&design, &options).unwrap();
    let worst = y
        .iter()
        .zip(&salib_y)
        .map(|(a, b)| (a - b).abs())
        .fold(0.0f64, f64::max);
    assert!(
        worst <= 1e-9,
        "outputs differ from SALib's by up to {worst}"
    );
    // The outputs are not trivial: the weights do move ranks, by different amounts.
    assert!(y.iter().any(|v| *v > 0.5) && y.iter().any(|v| *v != y[0]));

    // SALib's indices of its own outputs, with every digit.
    let (_, expected) = read_numbers(dir.join("indices.csv"), true);
    let indices = SobolIndices::estimate(&salib_y, 8, &options).unwrap();
    let mut index_gap = 0.0f64;
    for (k, (got, row)) in indices.iter().zip(&expected).enumerate() {
        let [s1, s1_conf, st, st_conf] = row[..] else {
            panic!("indices.csv row {k}")
        };
        index_gap = index_gap
            .max((got.first_order - s1).abs())
            .max((got.total_order - st).abs());
        assert!(
            (got.first_order - s1).abs() <= 1e-9,
            "S1 of d{}: {} against {s1}",
            k + 1,
            got.first_order
        );
        assert!(
            (got.total_order - st).abs() <= 1e-9,
            "ST of d{}: {} against {st}",
            k + 1,
            got.total_order
        );
        // The intervals come from other random resamples than numpy's, so they agree only
        // as two bootstraps of the same estimates do.
        for (ours, theirs) in [
            (got.first_order_confidence, s1_conf),
            (got.total_order_confidence, st_conf),
        ] {
            assert!(
                ours / theirs > 0.6 && ours / theirs < 1.6,
                "d{}: interval {ours} against {theirs}",
                k + 1
            );
        }
    }
    eprintln!("largest difference from SALib: outputs {worst:e}, S1 and ST {index_gap:e}");
    // And from the library's own outputs, which equal SALib's, the same indices.
    let own = SobolIndices::estimate(&y, 8, &options).unwrap();
    for (a, b) in own.iter().zip(&indices) {
        assert!((a.first_order - b.first_order).abs() <= 1e-9);
        assert!((a.total_order - b.total_order).abs() <= 1e-9);
    }
}

fn par_table<'f>(
    framework: &'f par_index::Framework,
    leaf_max: &[i64],
    units: usize,
) -> PointsTable<'f> {
    let mut table = PointsTable::new(framework, "2025".parse().unwrap()).unwrap();
    for (unit, points) in common::rows(leaf_max, units, 31) {
        table.push(unit, points).unwrap();
    }
    table
}

#[test]
fn equal_factors_reproduce_the_nominal_ranking_ties_included() {
    // 3,000 units of 97 leaves in hundredths: many share a total, and must stay tied.
    let (framework, leaf_max) = common::framework(7);
    let table = par_table(&framework, &leaf_max, 3_000);
    let scores = table.score().unwrap();
    let analysis = RankSensitivity::from_scores(&scores);
    let nominal = analysis.nominal_ranks().unwrap();
    let tied = nominal.len()
        - nominal
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len();
    assert!(tied > 100, "{tied} tied units");
    let options = SensitivityOptions::default();
    let design = Design::from_rows([[1.0; 8], [0.8; 8], [1.25; 8]]).unwrap();
    assert_eq!(
        analysis.outputs(&design, &options).unwrap(),
        [0.0, 0.0, 0.0]
    );
    let moved = Design::from_rows([[1.25, 0.75, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]).unwrap();
    assert!(analysis.outputs(&moved, &options).unwrap()[0] > 1.0);
}

#[test]
fn survey_noise_is_a_factor_whose_value_fixes_the_draws() {
    // Domains 7 and 8 of the generated framework are the leader and citizen surveys.
    let (framework, leaf_max) = common::framework(7);
    let table = par_table(&framework, &leaf_max, 200);
    let analysis = RankSensitivity::from_scores(&table.score().unwrap());
    let quiet = SensitivityOptions::default();
    assert_eq!(analysis.factors(&quiet).len(), 8);
    let noisy = SensitivityOptions::default().with_survey_noise(5.0);
    let factors = analysis.factors(&noisy);
    assert_eq!(factors.last(), Some(&Factor::SurveyNoise));
    assert_eq!(factors.last().unwrap().to_string(), "survey noise");

    let row = |noise: f64| [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, noise];
    let design = Design::from_rows([row(0.25), row(0.25), row(0.75), row(0.75)]).unwrap();
    let y = analysis.outputs(&design, &noisy).unwrap();
    assert_eq!(y[0], y[1]);
    assert_eq!(y[2], y[3]);
    assert_ne!(y[0], y[2]);
    assert!(y[0] > 0.0, "noise moves ranks even at the nominal weights");
    // Another seed draws other noise for the same value.
    let other = analysis
        .outputs(&design, &noisy.clone().with_seed(2))
        .unwrap();
    assert_ne!(other[0], y[0]);

    let report = analysis.run(&noisy.with_base_samples(64)).unwrap();
    assert_eq!(report.runs(), 64 * 11);
    let noise = &report.factors()[8].indices;
    assert!(noise.total_order > 0.0 && noise.total_order_confidence > 0.0);
}

#[test]
fn the_design_is_saltellis() {
    let (framework, leaf_max) = common::framework(7);
    let table = par_table(&framework, &leaf_max, 30);
    let analysis = RankSensitivity::from_scores(&table.score().unwrap());
    let options = SensitivityOptions::default()
        .with_base_samples(16)
        .with_seed(3);
    let design = analysis.design(&options).unwrap();
    assert_eq!((design.runs(), design.factors()), (16 * 10, 8));
    for group in design.rows().collect::<Vec<_>>().chunks(10) {
        let (a, b) = (group[0], group[9]);
        for (j, ab) in group[1..9].iter().enumerate() {
            for k in 0..8 {
                assert_eq!(ab[k], if k == j { b[k] } else { a[k] });
            }
        }
        assert!(a.iter().chain(b).all(|f| (0.75..1.25).contains(f)));
    }
    // Balanced: with 16 points, each sixteenth of a factor's range holds one A value.
    let mut cells = [false; 16];
    for group in design.rows().collect::<Vec<_>>().chunks(10) {
        let cell = ((group[0][3] - 0.75) / 0.5 * 16.0) as usize;
        assert!(!cells[cell]);
        cells[cell] = true;
    }
    // The seed fixes the scrambling.
    assert_eq!(design, analysis.design(&options).unwrap());
    assert_ne!(design, analysis.design(&options.with_seed(4)).unwrap());
}

#[test]
fn designs_and_outputs_out_of_shape_are_refused() {
    let (framework, leaf_max) = common::framework(7);
    let table = par_table(&framework, &leaf_max, 10);
    let analysis = RankSensitivity::from_scores(&table.score().unwrap());
    let options = SensitivityOptions::default();
    let message = |e: par_index::Error| e.to_string();

    let narrow = Design::from_rows([[1.0; 7]]).unwrap();
    assert_eq!(
        message(analysis.outputs(&narrow, &options).unwrap_err()),
        "invalid design: 7 columns; the analysis has 8 factors (weight of domain 1, weight of \
         domain 2, weight of domain 3, weight of domain 4, weight of domain 5, weight of domain \
         6, weight of domain 7, weight of domain 8)"
    );
    let negative = Design::from_rows([[1.0, 1.0, -0.5, 1.0, 1.0, 1.0, 1.0, 1.0]]).unwrap();
    assert_eq!(
        message(analysis.outputs(&negative, &options).unwrap_err()),
        "invalid design: run 1, column 3 (weight of domain 3) is -0.5; a weight factor cannot \
         be negative"
    );
    let noisy = options.clone().with_survey_noise(1.0);
    let noise = Design::from_rows([[1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]]).unwrap();
    assert_eq!(
        message(analysis.outputs(&noise, &noisy).unwrap_err()),
        "invalid design: run 1, column 9 (survey noise) is 1; the noise's value lies in [0, 1)"
    );
    assert_eq!(
        message(Design::new(3, vec![1.0; 7]).unwrap_err()),
        "invalid design: 7 values are not whole rows of 3 columns"
    );
    assert_eq!(
        message(Design::new(2, vec![1.0, f64::NAN]).unwrap_err()),
        "invalid design: run 1, column 2 is NaN; values must be finite"
    );
    assert_eq!(
        message(Design::from_rows([vec![1.0, 2.0], vec![1.0]]).unwrap_err()),
        "invalid design: run 2 has 1 columns, the first has 2"
    );
    assert_eq!(
        message(SobolIndices::estimate(&[1.0; 9], 2, &options).unwrap_err()),
        "invalid outputs: 9 outputs for 2 factors; a Saltelli design has N × 4 runs, N at least 2"
    );
    assert_eq!(
        message(
            analysis
                .run(&options.clone().with_base_samples(1))
                .unwrap_err()
        ),
        "invalid base samples: 1; a design needs at least 2"
    );
    assert_eq!(
        message(
            analysis
                .run(&options.clone().with_resamples(1))
                .unwrap_err()
        ),
        "invalid resamples: 1; the bootstrap takes 2 to 100000"
    );
    assert_eq!(
        message(
            analysis
                .run(&options.clone().with_confidence(1.0))
                .unwrap_err()
        ),
        "invalid confidence level: 1; it must lie strictly between 0 and 1"
    );
    assert_eq!(
        message(
            analysis
                .run(&options.with_base_samples(2_000_000))
                .unwrap_err()
        ),
        "invalid base samples: 2000000 base samples of 8 factors make more than 10000000 runs"
    );
}

#[test]
fn unit_variation_agrees_with_the_outputs() {
    let (framework, leaf_max) = common::framework(5);
    let table = par_table(&framework, &leaf_max, 120);
    let analysis = RankSensitivity::from_scores(&table.score().unwrap());
    let report = analysis
        .run(&SensitivityOptions::default().with_base_samples(32))
        .unwrap();
    // The mean over units of each unit's mean shift is the mean over runs of the outputs.
    let by_units: f64 = report
        .units()
        .iter()
        .map(|u| u.mean_absolute_shift)
        .sum::<f64>()
        / report.units().len() as f64;
    assert!((by_units - report.mean_rank_shift()).abs() < 1e-9);
    let nominal = analysis.nominal_ranks().unwrap();
    for (unit, nominal) in report.units().iter().zip(&nominal) {
        assert_eq!(unit.nominal_rank, *nominal);
        assert!(
            f64::from(unit.best_rank) <= unit.mean_rank
                && unit.mean_rank <= f64::from(unit.worst_rank)
        );
        assert!(unit.rank_std_dev <= f64::from(unit.worst_rank) - f64::from(unit.best_rank));
        assert!(unit.mean_absolute_shift >= (unit.mean_rank - f64::from(*nominal)).abs() - 1e-9);
    }
    assert!(report.units().iter().any(|u| u.rank_std_dev > 1.0));
}

#[test]
fn sensitivity_types_are_send_and_sync() {
    fn check<T: Send + Sync>() {}
    check::<RankSensitivity>();
    check::<Design>();
    check::<par_index::analysis::sensitivity::SensitivityReport>();
}

#[cfg(feature = "parallel")]
#[test]
fn reports_are_the_same_on_one_thread_and_on_many() {
    let (framework, leaf_max) = common::framework(7);
    let table = par_table(&framework, &leaf_max, 500);
    let analysis = RankSensitivity::from_scores(&table.score().unwrap());
    let options = SensitivityOptions::default()
        .with_base_samples(128)
        .with_survey_noise(3.0);
    let on = |threads: usize| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap()
            .install(|| analysis.run(&options).unwrap())
    };
    let one = on(1);
    assert_eq!(format!("{one:?}"), format!("{:?}", on(3)));
    assert_eq!(
        format!("{one:?}"),
        format!("{:?}", analysis.run(&options).unwrap())
    );
}

#[cfg(feature = "serde")]
#[test]
fn reports_and_designs_round_trip_through_json() {
    let (framework, leaf_max) = common::framework(7);
    let table = par_table(&framework, &leaf_max, 40);
    let analysis = RankSensitivity::from_scores(&table.score().unwrap());
    let options = SensitivityOptions::default()
        .with_base_samples(16)
        .with_survey_noise(2.0);
    let report = analysis.run(&options).unwrap();
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(
        serde_json::from_str::<par_index::analysis::sensitivity::SensitivityReport>(&json).unwrap(),
        report
    );
    assert!(json.contains(r#""factor":"survey_noise""#), "{json:.300}");
    let design = analysis.design(&options).unwrap();
    let json = serde_json::to_string(&design).unwrap();
    assert_eq!(serde_json::from_str::<Design>(&json).unwrap(), design);
}
