//! An independent exact-rational oracle for par-index, and generators of random valid
//! frameworks and assessments. See `tests/oracle.rs` for the properties.

#![allow(dead_code)]

pub mod eval;
pub mod generate;

/// The ONE place where the library's exposed figures are read. Exact figures
/// (`par_index::Exact`) are read in their lowest-terms form (`{:#}`, "n/d") and compared with
/// the true value itself; reading one also checks that its 28-digit form (`to_decimal`) is
/// the contract's `to_decimal28`.
pub mod adapter {
    use num_bigint::BigInt;
    use par_index::{Exact, Scorecard, scorecard::NodeScore};
    use rust_decimal::Decimal;

    use super::eval::{Q, q, to_decimal28};

    /// A figure the library exposes.
    pub trait Exposed {
        fn exact(&self) -> Q;
    }

    impl Exposed for Decimal {
        fn exact(&self) -> Q {
            q(*self)
        }
    }

    impl Exposed for Exact {
        fn exact(&self) -> Q {
            let text = format!("{self:#}");
            let value = match text.split_once('/') {
                Some((n, d)) => Q::new(n.parse::<BigInt>().unwrap(), d.parse::<BigInt>().unwrap()),
                None => q(text.parse::<Decimal>().unwrap()),
            };
            assert_eq!(
                q(self.to_decimal()),
                q(to_decimal28(&value)),
                "the 28-digit form of {text}"
            );
            value
        }
    }

    impl<T: Exposed + ?Sized> Exposed for &T {
        fn exact(&self) -> Q {
            (**self).exact()
        }
    }

    /// A figure the library exposes, as an exact rational.
    pub fn exposed<T: Exposed>(x: T) -> Q {
        x.exact()
    }

    /// What the library must expose for the true value `t`: the true value itself.
    pub fn expected(t: &Q) -> Q {
        t.clone()
    }

    /// A node as the library gives it: applicable, points, effective max, percent.
    pub fn node(n: &NodeScore) -> (bool, Q, Q, Option<Q>) {
        (
            n.applicable,
            exposed(&n.points),
            exposed(&n.effective_max),
            n.percent().map(exposed),
        )
    }

    /// The unit as the library gives it.
    #[derive(Debug)]
    pub struct Unit {
        pub points: Q,
        pub effective_max: Q,
        pub index: Q,
        pub clamp: Option<(Q, Q)>,
        pub lost: Q,
    }

    pub fn unit(s: &Scorecard) -> Unit {
        Unit {
            points: exposed(s.points()),
            effective_max: exposed(s.effective_max()),
            index: exposed(s.index()),
            clamp: s
                .clamp()
                .map(|c| (exposed(&c.unclamped), exposed(&c.clamped))),
            lost: exposed(s.lost_points()),
        }
    }

    /// An index as a ranking exposes it (exact basis).
    pub fn ranked_index<T: Exposed>(x: T) -> Q {
        exposed(x)
    }
}
