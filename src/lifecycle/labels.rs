//! Layer 4, lifecycle: telling apart customers with the same name ([`display_labels`]).

use super::drift::fold;
use crate::customer::{CloudIdentityId, OrganizationName};
use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};

/// A customer as listed in the console's customer list: its name and its Cloud Identity ID.
///
/// ```
/// use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
/// use gws_onboarding::lifecycle::ListedCustomer;
///
/// let listed = ListedCustomer::new(OrganizationName::parse("Design Team")?, CloudIdentityId::parse("C01abcd2e")?);
/// assert_eq!(listed.name.as_str(), "Design Team");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ListedCustomer {
    /// The organisation (customer) name.
    pub name: OrganizationName,
    /// Google's unique identifier of the customer's account.
    pub cloud_identity_id: CloudIdentityId,
}

impl ListedCustomer {
    /// Pairs a name and an id.
    ///
    /// ```
    /// use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
    /// use gws_onboarding::lifecycle::ListedCustomer;
    /// let listed = ListedCustomer::new(OrganizationName::parse("A")?, CloudIdentityId::parse("C1")?);
    /// assert_eq!(listed.cloud_identity_id.as_str(), "C1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn new(name: OrganizationName, cloud_identity_id: CloudIdentityId) -> Self {
        ListedCustomer {
            name,
            cloud_identity_id,
        }
    }
}

/// A customer name as compared: canonical caseless ([`fold`]: NFC of the lowercase of the NFD,
/// so NFC and NFD spellings of one name are one name). [`OrganizationName`] is already trimmed
/// with white space collapsed. ASCII names (nearly all) are compared and hashed in place,
/// without a lowercase copy.
pub(super) enum NameKey<'a> {
    /// An ASCII name, compared ignoring ASCII case.
    Ascii(&'a str),
    /// Any other name, folded.
    Folded(String),
}

impl<'a> NameKey<'a> {
    fn new(name: &'a str) -> Self {
        if name.is_ascii() {
            NameKey::Ascii(name)
        } else {
            NameKey::Folded(fold(name))
        }
    }

    /// Calls `f` with the lowercase bytes of the name, in chunks.
    fn for_each_chunk(&self, mut f: impl FnMut(&[u8])) {
        match self {
            NameKey::Ascii(name) => {
                let mut buffer = [0u8; 64];
                for chunk in name.as_bytes().chunks(buffer.len()) {
                    let out = &mut buffer[..chunk.len()];
                    out.copy_from_slice(chunk);
                    out.make_ascii_lowercase();
                    f(out);
                }
            }
            NameKey::Folded(name) => f(name.as_bytes()),
        }
    }

    fn len(&self) -> usize {
        match self {
            NameKey::Ascii(name) => name.len(),
            NameKey::Folded(name) => name.len(),
        }
    }

    /// Whether the folded name ends in `)`, as every label built with an ID does.
    fn ends_with_paren(&self) -> bool {
        match self {
            NameKey::Ascii(name) => name.ends_with(')'),
            NameKey::Folded(name) => name.ends_with(')'),
        }
    }
}

impl PartialEq for NameKey<'_> {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (NameKey::Ascii(a), NameKey::Ascii(b)) => a.eq_ignore_ascii_case(b),
            (NameKey::Folded(a), NameKey::Folded(b)) => a == b,
            // An ASCII name and a lowercased non-ASCII one can still be equal (the Kelvin sign
            // lowercases to `k`): compare their lowercase bytes.
            (NameKey::Ascii(a), NameKey::Folded(f)) | (NameKey::Folded(f), NameKey::Ascii(a)) => {
                a.len() == f.len() && a.bytes().map(|b| b.to_ascii_lowercase()).eq(f.bytes())
            }
        }
    }
}

impl Eq for NameKey<'_> {}

impl Hash for NameKey<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // The same stream for equal keys of either variant: the lowercase bytes, then the length.
        self.for_each_chunk(|chunk| state.write(chunk));
        state.write_usize(self.len());
    }
}

/// The label of each customer in a list, as the console shows it: the name alone when no
/// other customer has it, `"{name} ({cloud_identity_id})"` when two or more do (several teams
/// may buy Essentials under the same name).
///
/// Names are compared as the eye reads them: ignoring case (Unicode lowercase), white space
/// runs (collapsed when the [`OrganizationName`] was parsed) and Unicode normalisation (NFC and
/// NFD spellings, `Équipe` and `E\u{301}quipe`, are one name): `"Design Team"` and
/// `"design  TEAM"` collide. Compatibility characters are not folded (`ﬁ` is not `fi`).
///
/// Every label differs from every other one, compared the same way, including labels built
/// with an ID: a customer named `"A (X)"` and the customer `"A"` with ID `X` among several
/// `"A"` do not share `"A (X)"`: the one whose label was its bare name gets its ID too
/// (`"A (X) (Y)"`). The same name listed twice with the same ID (or IDs differing only in
/// case) is numbered in input order: `"A (X)"`, then `"A (X #2)"` (skipping a number that
/// another label already shows).
///
/// The label keeps each customer's own spelling. Labels come in input order; a unique name is
/// borrowed, not copied. Runs in O(n) expected time (one hash per customer, and one more per
/// label that ends in `)`, with the standard library's keyed hasher, so crafted names cannot
/// make it quadratic).
///
/// ```
/// use gws_onboarding::customer::{CloudIdentityId, OrganizationName};
/// use gws_onboarding::lifecycle::{self, ListedCustomer};
///
/// let listed = |name: &str, id: &str| -> Result<ListedCustomer, Box<dyn std::error::Error>> {
///     Ok(ListedCustomer::new(OrganizationName::parse(name)?, CloudIdentityId::parse(id)?))
/// };
/// let customers = [
///     listed("Design Team", "C01aaa")?,
///     listed("Acme SAS", "C02bbb")?,
///     listed("design team", "C03ccc")?,
/// ];
/// assert_eq!(
///     lifecycle::display_labels(&customers),
///     ["Design Team (C01aaa)", "Acme SAS", "design team (C03ccc)"]
/// );
///
/// // NFC and NFD spellings of one name are one name.
/// let twins = [listed("\u{c9}quipe", "C1")?, listed("E\u{301}quipe", "C2")?];
/// assert_eq!(lifecycle::display_labels(&twins), ["\u{c9}quipe (C1)", "E\u{301}quipe (C2)"]);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[must_use]
pub fn display_labels(customers: &[ListedCustomer]) -> Vec<Cow<'_, str>> {
    // One hash per customer: each name gets the index of its group, and groups count members.
    let mut groups: HashMap<NameKey<'_>, usize> = HashMap::with_capacity(customers.len());
    let mut group_of = Vec::with_capacity(customers.len());
    let mut sizes: Vec<u32> = Vec::new();
    // Labels that may equal another label: those built with an ID, and bare names ending in
    // `)` like every label built with an ID. Other bare names are unique by construction.
    let mut suspects = Vec::new();
    for (index, customer) in customers.iter().enumerate() {
        let next = sizes.len();
        let key = NameKey::new(customer.name.as_str());
        if key.ends_with_paren() {
            suspects.push(index);
        }
        let group = *groups.entry(key).or_insert(next);
        if group == next {
            sizes.push(0);
        }
        sizes[group] = sizes[group].saturating_add(1);
        group_of.push(group);
    }
    let mut labels: Vec<Cow<'_, str>> = customers
        .iter()
        .zip(&group_of)
        .enumerate()
        .map(|(index, (customer, &group))| {
            if sizes[group] > 1 {
                if !customer.name.as_str().ends_with(')') {
                    suspects.push(index);
                }
                with_id(customer, None)
            } else {
                Cow::Borrowed(customer.name.as_str())
            }
        })
        .collect();
    if suspects.len() > 1 {
        suspects.sort_unstable();
        suspects.dedup();
        make_unique(customers, &mut labels, suspects);
    }
    labels
}

/// `"{name} ({id})"`, or `"{name} ({id} #{number})"`.
pub(super) fn with_id(customer: &ListedCustomer, number: Option<usize>) -> Cow<'static, str> {
    Cow::Owned(match number {
        None => format!("{} ({})", customer.name, customer.cloud_identity_id),
        Some(n) => format!("{} ({} #{n})", customer.name, customer.cloud_identity_id),
    })
}

/// Changes the labels of `suspects` (indices, in input order) until no two labels of the
/// whole output fold alike: a bare name that meets another label takes its ID; two labels
/// that both carry an ID keep the first and number the later one. Labels outside `suspects`
/// end in something other than `)` and are unique among themselves, so they meet no other.
pub(super) fn make_unique(
    customers: &[ListedCustomer],
    labels: &mut [Cow<'_, str>],
    suspects: Vec<usize>,
) {
    let bare = |labels: &[Cow<'_, str>], i: usize| matches!(labels[i], Cow::Borrowed(_));
    let mut owner: HashMap<String, usize> = HashMap::with_capacity(suspects.len());
    let mut next_number: HashMap<String, usize> = HashMap::new();
    let mut queue: std::collections::VecDeque<usize> = suspects.into();
    while let Some(i) = queue.pop_front() {
        let key = fold(&labels[i]);
        let Some(&j) = owner.get(&key) else {
            owner.insert(key, i);
            continue;
        };
        if bare(labels, j) {
            // The holder is a bare name: it takes its ID, and `i` takes the label.
            labels[j] = with_id(&customers[j], None);
            owner.insert(key, i);
            queue.push_back(j);
        } else if bare(labels, i) {
            labels[i] = with_id(&customers[i], None);
            queue.push_back(i);
        } else {
            // Both carry an ID: number the later one with the first number free. Numbers
            // already given for this label are not tried again, so that a customer listed n
            // times costs O(n), not O(n²).
            let next = next_number.entry(key).or_insert(2);
            loop {
                let label = with_id(&customers[i], Some(*next));
                *next += 1;
                if let std::collections::hash_map::Entry::Vacant(slot) = owner.entry(fold(&label)) {
                    slot.insert(i);
                    labels[i] = label;
                    break;
                }
            }
        }
    }
}
