//! Layer 4, form: the form's JSON reader, lenient as web forms send it: numbers as text,
//! `"true"`/`"false"` flags, and a value of an impossible type recorded as an
//! [`InputTypeError`](super::InputTypeError) on its path while the rest is read.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use super::input::{ExpectedType, FoundType, InputProblems};
use super::raw::{OnboardingForm, RawAdmin, RawEducation, RawOrder};
use crate::address::{AddressField, RawPostalAddress};

/// Any JSON value, reduced to what a form field needs.
enum Loose {
    Null,
    Text(String),
    Number(String),
    Bool(bool),
    Other(FoundType),
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Loose;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Loose, E> {
        Ok(Loose::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Loose, E> {
        Ok(Loose::Number(v.to_string()))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Loose, E> {
        Ok(Loose::Number(v.to_string()))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Loose, E> {
        Ok(Loose::Number(v.to_string()))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Loose, E> {
        Ok(Loose::Number(v.to_string()))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Loose, E> {
        Ok(Loose::Number(v.to_string()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Loose, E> {
        Ok(Loose::Text(v.to_owned()))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Loose, E> {
        Ok(Loose::Text(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Loose, E> {
        Ok(Loose::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Loose, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Loose, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Loose::Other(FoundType::Object))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Loose, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(Loose::Other(FoundType::Array))
    }
}

impl<'de> serde::Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(LooseVisitor)
    }
}

/// Reads a text field: a string, or a number as its text; `null` is absent.
fn text<'de, A: MapAccess<'de>>(
    map: &mut A,
    problems: &mut InputProblems,
    path: &'static str,
) -> Result<Option<String>, A::Error> {
    Ok(match map.next_value::<Loose>()? {
        Loose::Null => None,
        Loose::Text(text) | Loose::Number(text) => Some(text),
        Loose::Bool(_) => {
            problems.push(path, ExpectedType::Text, FoundType::Boolean);
            None
        }
        Loose::Other(found) => {
            problems.push(path, ExpectedType::Text, found);
            None
        }
    })
}

/// Reads a flag: `true`/`false` as a boolean or a string (any case, surrounding white space
/// ignored); `null` and a blank string are `false`.
fn flag<'de, A: MapAccess<'de>>(
    map: &mut A,
    problems: &mut InputProblems,
    path: &'static str,
) -> Result<bool, A::Error> {
    Ok(match map.next_value::<Loose>()? {
        Loose::Null => false,
        Loose::Bool(value) => value,
        Loose::Text(text) => {
            let text = text.trim();
            if text.eq_ignore_ascii_case("true") {
                true
            } else if text.is_empty() || text.eq_ignore_ascii_case("false") {
                false
            } else {
                problems.push(path, ExpectedType::Flag, FoundType::Text);
                false
            }
        }
        Loose::Number(_) => {
            problems.push(path, ExpectedType::Flag, FoundType::Number);
            false
        }
        Loose::Other(found) => {
            problems.push(path, ExpectedType::Flag, found);
            false
        }
    })
}

/// A group of form fields read from a JSON object.
trait Fields: Default {
    /// The JSON names of the fields, in order.
    const NAMES: &'static [&'static str];
    /// Reads the value of field `index` of [`NAMES`](Self::NAMES).
    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        problems: &mut InputProblems,
    ) -> Result<(), A::Error>;
}

/// Reads the fields of the object at `prefix` (empty at the top), recording unknown keys
/// (their values skipped) and refusing a field given twice.
fn read_fields<'de, T: Fields, A: MapAccess<'de>>(
    mut map: A,
    problems: &mut InputProblems,
    prefix: &str,
) -> Result<T, A::Error> {
    let mut value = T::default();
    let mut seen = vec![false; T::NAMES.len()];
    while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
        if let Some(index) = T::NAMES.iter().position(|name| *name == key) {
            if std::mem::replace(&mut seen[index], true) {
                return Err(de::Error::duplicate_field(T::NAMES[index]));
            }
            value.read(index, &mut map, problems)?;
        } else {
            problems.push_unknown(prefix, &key, T::NAMES);
            map.next_value::<IgnoredAny>()?;
        }
    }
    Ok(value)
}

/// Reads a nested object at `path`: `Some` for an object, `None` for `null` or for a value
/// of another type (recorded as a problem).
struct Nested<'p, T> {
    problems: &'p mut InputProblems,
    path: &'static str,
    marker: PhantomData<T>,
}

impl<'de, T: Fields> DeserializeSeed<'de> for Nested<'_, T> {
    type Value = Option<T>;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de, T: Fields> Visitor<'de> for Nested<'_, T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Option<T>, A::Error> {
        read_fields(map, self.problems, self.path).map(Some)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Option<T>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Option<T>, E> {
        Ok(self.other(FoundType::Boolean))
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Option<T>, E> {
        Ok(self.other(FoundType::Number))
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Option<T>, E> {
        Ok(self.other(FoundType::Number))
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Option<T>, E> {
        Ok(self.other(FoundType::Number))
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Option<T>, E> {
        Ok(self.other(FoundType::Text))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Option<T>, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(self.other(FoundType::Array))
    }
}

impl<T> Nested<'_, T> {
    fn other(self, found: FoundType) -> Option<T> {
        self.problems.push(self.path, ExpectedType::Object, found);
        None
    }
}

fn nested<'de, T: Fields, A: MapAccess<'de>>(
    map: &mut A,
    problems: &mut InputProblems,
    path: &'static str,
) -> Result<Option<T>, A::Error> {
    map.next_value_seed(Nested {
        problems,
        path,
        marker: PhantomData,
    })
}

impl Fields for RawAdmin {
    const NAMES: &'static [&'static str] = &["email", "firstName", "lastName"];

    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        problems: &mut InputProblems,
    ) -> Result<(), A::Error> {
        match index {
            0 => self.email = text(map, problems, "admin.email")?.unwrap_or_default(),
            1 => self.first_name = text(map, problems, "admin.firstName")?,
            _ => self.last_name = text(map, problems, "admin.lastName")?,
        }
        Ok(())
    }
}

impl Fields for RawEducation {
    const NAMES: &'static [&'static str] = &["instituteType", "instituteSize", "website"];

    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        problems: &mut InputProblems,
    ) -> Result<(), A::Error> {
        const PATHS: [&str; 3] = [
            "educationalInstitution.instituteType",
            "educationalInstitution.instituteSize",
            "educationalInstitution.website",
        ];
        let value = text(map, problems, PATHS[index])?;
        match index {
            0 => self.institute_type = value.unwrap_or_default(),
            1 => self.institute_size = value,
            _ => self.website = value,
        }
        Ok(())
    }
}

impl Fields for RawPostalAddress {
    const NAMES: &'static [&'static str] = &{
        let mut names = [""; AddressField::ALL.len()];
        let mut i = 0;
        while i < names.len() {
            names[i] = AddressField::ALL[i].as_str();
            i += 1;
        }
        names
    };

    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        problems: &mut InputProblems,
    ) -> Result<(), A::Error> {
        let value = text(map, problems, AddressField::ALL[index].form_path())?;
        match index {
            0 => self.contact_name = value.unwrap_or_default(),
            1 => self.organization_name = value.unwrap_or_default(),
            2 => self.address_line1 = value.unwrap_or_default(),
            3 => self.address_line2 = value,
            4 => self.address_line3 = value,
            5 => self.locality = value,
            6 => self.region = value,
            7 => self.postal_code = value.unwrap_or_default(),
            _ => self.country_code = value.unwrap_or_default(),
        }
        Ok(())
    }
}

impl Fields for RawOrder {
    const NAMES: &'static [&'static str] = &[
        "product",
        "seats",
        "plan",
        "purchaseOrderId",
        "dealCode",
        "offer",
    ];

    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        problems: &mut InputProblems,
    ) -> Result<(), A::Error> {
        use crate::order::OrderField as F;
        const FIELDS: [F; 6] = [
            F::Product,
            F::Seats,
            F::Plan,
            F::PurchaseOrderId,
            F::DealCode,
            F::Offer,
        ];
        // `seats` as a JSON number is its text, like every text field.
        let value = text(map, problems, FIELDS[index].form_path())?;
        match index {
            0 => self.product = value.unwrap_or_default(),
            1 => self.seats = value,
            2 => self.plan = value,
            3 => self.purchase_order_id = value,
            4 => self.deal_code = value,
            _ => self.offer = value,
        }
        Ok(())
    }
}

impl Fields for OnboardingForm {
    const NAMES: &'static [&'static str] = &[
        "customerType",
        "productFamily",
        "edition",
        "educationalInstitution",
        "organizationName",
        "domain",
        "postalAddress",
        "phoneNumber",
        "admin",
        "secondaryEmail",
        "languageCode",
        "crmId",
        "hasWorkspaceForNonprofits",
        "hasLegacyFreeEdition",
        "order",
    ];

    fn read<'de, A: MapAccess<'de>>(
        &mut self,
        index: usize,
        map: &mut A,
        problems: &mut InputProblems,
    ) -> Result<(), A::Error> {
        let name = Self::NAMES[index];
        match index {
            0 => self.customer_type = text(map, problems, name)?.unwrap_or_default(),
            1 => self.product_family = text(map, problems, name)?.unwrap_or_default(),
            2 => self.edition = text(map, problems, name)?,
            3 => self.educational_institution = nested(map, problems, name)?,
            4 => self.organization_name = text(map, problems, name)?.unwrap_or_default(),
            5 => self.domain = text(map, problems, name)?.unwrap_or_default(),
            6 => self.postal_address = nested(map, problems, name)?.unwrap_or_default(),
            7 => self.phone_number = text(map, problems, name)?,
            8 => self.admin = nested(map, problems, name)?.unwrap_or_default(),
            9 => self.secondary_email = text(map, problems, name)?,
            10 => self.language_code = text(map, problems, name)?,
            11 => self.crm_id = text(map, problems, name)?,
            12 => self.has_workspace_for_nonprofits = flag(map, problems, name)?,
            13 => self.has_legacy_free_edition = flag(map, problems, name)?,
            _ => self.order = nested(map, problems, name)?,
        }
        Ok(())
    }
}

/// Reads a top-level object of type `T`; anything but an object is an error.
struct TopLevel<T>(PhantomData<T>);

impl<'de, T: Fields> Visitor<'de> for TopLevel<T> {
    type Value = (T, InputProblems);

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object {...} of form fields")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        let mut problems = InputProblems::default();
        let value = read_fields(map, &mut problems, "")?;
        Ok((value, problems))
    }
}

fn top_level<'de, T: Fields, D: Deserializer<'de>>(d: D) -> Result<(T, InputProblems), D::Error> {
    d.deserialize_map(TopLevel(PhantomData))
}

/// The first problem as a deserialisation error, for a sub-form read on its own.
fn strict<T, E: de::Error>((value, problems): (T, InputProblems)) -> Result<T, E> {
    match problems.iter().next() {
        Some((path, err)) => Err(E::custom(format_args!("{path}: {err}"))),
        None => Ok(value),
    }
}

pub(crate) fn read_admin<'de, D: Deserializer<'de>>(d: D) -> Result<RawAdmin, D::Error> {
    strict(top_level(d)?)
}

pub(crate) fn read_education<'de, D: Deserializer<'de>>(d: D) -> Result<RawEducation, D::Error> {
    strict(top_level(d)?)
}

/// Reads the form as web forms send it; only a document that is not a JSON object fails.
impl<'de> serde::Deserialize<'de> for OnboardingForm {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let (mut form, problems): (OnboardingForm, _) = top_level(d)?;
        form.input_problems = problems;
        Ok(form)
    }
}

impl<'de> serde::Deserialize<'de> for RawAdmin {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_admin(deserializer)
    }
}

impl<'de> serde::Deserialize<'de> for RawEducation {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        read_education(deserializer)
    }
}
