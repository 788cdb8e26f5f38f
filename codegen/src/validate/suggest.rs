//! "Did you mean" hints for misspelt names.

/// `did you mean `x`?` for the closest candidate within a few edits, if any.
pub(crate) fn did_you_mean(name: &str, candidates: &[&str]) -> Option<String> {
    let limit = name.chars().count().div_ceil(3);
    candidates
        .iter()
        .map(|candidate| {
            (
                distance(&name.to_lowercase(), &candidate.to_lowercase()),
                *candidate,
            )
        })
        .filter(|(distance, _)| *distance <= limit)
        .min()
        .map(|(_, candidate)| format!("did you mean `{candidate}`?"))
}

/// A hint for a name not found among `candidates`: the closest one, else the list
/// (`subject` says whose, e.g. "`User` has the fields").
pub(crate) fn hint_for(name: &str, candidates: &[&str], subject: &str) -> String {
    const SHOWN: usize = 12;
    did_you_mean(name, candidates).unwrap_or_else(|| {
        let mut list = candidates[..candidates.len().min(SHOWN)].join(", ");
        if candidates.len() > SHOWN {
            list.push_str(", …");
        }
        format!("{subject}: {list}")
    })
}

/// Levenshtein distance over characters.
fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    for (i, left) in a.chars().enumerate() {
        let mut current = vec![i + 1];
        for (j, right) in b.iter().enumerate() {
            let substitute = previous[j] + usize::from(left != *right);
            current.push(substitute.min(previous[j + 1] + 1).min(current[j] + 1));
        }
        previous = current;
    }
    previous[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggests_the_closest_name_within_reach() {
        assert_eq!(distance("kitten", "sitting"), 3);
        assert_eq!(
            did_you_mean("nmae", &["name", "id", "names"]),
            Some("did you mean `name`?".to_string())
        );
        assert_eq!(did_you_mean("zzz", &["name", "id"]), None);
        assert_eq!(
            hint_for("emial", &["id", "email"], "`User` has the fields"),
            "did you mean `email`?"
        );
        assert_eq!(
            hint_for("zzz", &["id", "email"], "`User` has the fields"),
            "`User` has the fields: id, email"
        );
    }
}
