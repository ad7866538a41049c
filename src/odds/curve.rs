//! Kaplan–Meier's estimator of the time from a season's last episode to its next season.

use super::Day;

/// A survival curve: the chance S(t) that no next season had premiered `t` days after the last
/// episode, stepping down at each time a next season came.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// Each time a next season came (ascending) and S just after it.
    steps: Vec<(Day, f64)>,
    size: usize,
    /// The longest time any season was followed (waiting or not).
    followed: Day,
}

impl Curve {
    /// The curve of `(days, came)` observations: `came` when a next season premiered after
    /// `days`, else the season was still waiting after `days` (censored). Negative days (a next
    /// season begun before the last episode of this one) count as zero.
    pub fn new(observations: impl IntoIterator<Item = (Day, bool)>) -> Curve {
        let mut seen: Vec<(Day, bool)> = observations.into_iter().map(|(d, came)| (d.max(0), came)).collect();
        // At one time, the next seasons that came before the seasons that stopped being followed.
        seen.sort_by_key(|&(d, came)| (d, !came));
        let size = seen.len();
        let followed = seen.last().map_or(0, |&(d, _)| d);
        let mut steps = Vec::new();
        let mut survival = 1.0;
        let mut i = 0;
        while i < seen.len() {
            let t = seen[i].0;
            let at_risk = seen.len() - i;
            let mut came = 0;
            let mut j = i;
            while j < seen.len() && seen[j].0 == t {
                came += usize::from(seen[j].1);
                j += 1;
            }
            if came > 0 {
                survival *= 1.0 - came as f64 / at_risk as f64;
                steps.push((t, survival));
            }
            i = j;
        }
        Curve { steps, size, followed }
    }

    /// How many seasons the curve is made of.
    pub fn size(&self) -> usize {
        self.size
    }

    /// The longest time a season of the curve was followed, in days.
    pub fn followed(&self) -> Day {
        self.followed
    }

    /// S(t): the chance that no next season had come `t` days after the last episode.
    pub fn survival(&self, t: Day) -> f64 {
        match self.steps.partition_point(|&(at, _)| at <= t) {
            0 => 1.0,
            n => self.steps[n - 1].1,
        }
    }

    /// The chance that a next season comes within `horizon` days, for a season that had none
    /// after `waited` days: 1 − S(waited + horizon) / S(waited). None when no season of the
    /// curve waited so long without one.
    pub fn chance_within(&self, waited: Day, horizon: Day) -> Option<f64> {
        let now = self.survival(waited);
        (now > 0.0).then(|| 1.0 - self.survival(waited + horizon) / now)
    }

    /// When a next season comes within `horizon` days of `waited`, the time from the last
    /// episode by which half of those came (days): the typical wait. None when none comes.
    pub fn median_wait(&self, waited: Day, horizon: Day) -> Option<Day> {
        let (now, then) = (self.survival(waited), self.survival(waited + horizon));
        let gone = now - then;
        if gone <= 0.0 {
            return None;
        }
        self.steps.iter().find(|&&(t, s)| t > waited && now - s >= gone / 2.0 - 1e-12).map(|&(t, _)| t)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A textbook case (Kaplan and Meier's own kind): times 1, 2+, 3, 3, 4+, 5 (+: censored).
    #[test]
    fn the_estimator_steps_at_each_event_and_keeps_the_censored_at_risk() {
        let curve = Curve::new([(1, true), (2, false), (3, true), (3, true), (4, false), (5, true)]);
        assert_eq!(curve.size(), 6);
        assert_eq!(curve.survival(0), 1.0);
        let s1 = 5.0 / 6.0;
        assert!((curve.survival(1) - s1).abs() < 1e-12);
        assert!((curve.survival(2) - s1).abs() < 1e-12, "a censoring is no step");
        // At 3: four at risk (3, 3, 4+, 5), two came.
        let s3 = s1 * (1.0 - 2.0 / 4.0);
        assert!((curve.survival(3) - s3).abs() < 1e-12);
        // At 5: one at risk, it came.
        assert_eq!(curve.survival(5), 0.0);
        assert_eq!(curve.followed(), 5);
    }

    #[test]
    fn a_show_waiting_counts_as_censored_not_as_never() {
        // Half came after 100 days; the other half were followed only 50 days.
        let curve = Curve::new((0..10).map(|i| if i < 5 { (100, true) } else { (50, false) }));
        // Counting the waiting as "never" would give 50 %; they were not followed to 100 days.
        assert_eq!(curve.survival(100), 0.0);
        assert_eq!(curve.chance_within(0, 200), Some(1.0));
    }

    #[test]
    fn the_chance_is_conditional_on_the_wait_so_far() {
        // Next seasons after 1, 2, 3 and 4 years; two seasons never followed up past 5 years.
        let years = |n: i64| n * 365;
        let curve = Curve::new([(years(1), true), (years(2), true), (years(3), true), (years(4), true), (years(5), false), (years(5), false)]);
        // From the end: four of six within four years; within two years, two of six.
        assert!((curve.chance_within(0, years(2)).unwrap() - 2.0 / 6.0).abs() < 1e-12);
        // Having waited two and a half years, of the three left (3, 4, 5+… and 5+), two come within two more.
        let later = curve.chance_within(years(2) + 180, years(2)).unwrap();
        assert!((later - 0.5).abs() < 1e-12, "{later}");
        assert_eq!(curve.median_wait(0, years(2)), Some(years(1)));
        assert_eq!(curve.median_wait(years(2) + 180, years(2)), Some(years(3)));
        // Waited past every season followed: nothing more is known.
        assert_eq!(curve.chance_within(years(6), years(2)), Some(0.0));
        assert_eq!(curve.median_wait(years(6), years(2)), None);
        let all_came = Curve::new([(10, true)]);
        assert_eq!(all_came.chance_within(20, 10), None, "no season waited so long");
    }
}
