//! "Did you mean" hints for misspelt names.

/// `did you mean `x`?` for the closest candidate within a few edits, if any.
pub(crate) fn did_you_mean(name: &str, candidates: &[&str]) -> Option<String> {
    let limit = (name.chars().count() / 3).max(1);
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
    }
}
