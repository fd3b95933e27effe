//! Layer 2, values. The customer's postal address: the Reseller API `customers#address` (and the
//! `google.type.PostalAddress` the Cloud Channel API takes).
//!
//! ```
//! use gws_onboarding::{PostalAddress, RawPostalAddress};
//!
//! let raw = RawPostalAddress {
//!     contact_name: "Marie Curie".into(),
//!     organization_name: "Example SARL".into(),
//!     address_line1: "1 rue de Rivoli".into(),
//!     postal_code: "75001".into(),
//!     locality: Some("Paris".into()),
//!     country_code: "fr".into(),
//!     ..RawPostalAddress::default()
//! };
//! let address = PostalAddress::parse(&raw).map_err(|mut errors| errors.remove(0))?;
//! assert_eq!(address.country_code().as_str(), "FR");
//!
//! let errors = PostalAddress::parse(&RawPostalAddress::default()).unwrap_err();
//! let fields: Vec<_> = errors.iter().map(|e| e.field().as_str()).collect();
//! assert_eq!(fields, ["contactName", "organizationName", "addressLine1", "postalCode", "countryCode"]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt;

use crate::country::{CountryCode, CountryError};
use crate::error::{Gender, Lang, TrimExt, find_unsafe, is_printable_ascii};

/// The most characters a field may have (Reseller API limit).
///
/// ```
/// use gws_onboarding::{PostalAddress, RawPostalAddress, address::MAX_FIELD_CHARS};
/// let raw = RawPostalAddress { contact_name: "x".repeat(MAX_FIELD_CHARS + 1), ..Default::default() };
/// assert_eq!(PostalAddress::new(&raw).unwrap_err().code(), "address.too_long");
/// ```
pub const MAX_FIELD_CHARS: usize = 255;

/// A field of a postal address, named as in the Reseller API JSON.
///
/// ```
/// use gws_onboarding::AddressField;
/// assert_eq!(AddressField::PostalCode.as_str(), "postalCode");
/// assert_eq!(AddressField::PostalCode.form_path(), "postalAddress.postalCode");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum AddressField {
    /// `contactName` (required).
    ContactName,
    /// `organizationName` (required).
    OrganizationName,
    /// `addressLine1` (required).
    AddressLine1,
    /// `addressLine2`.
    AddressLine2,
    /// `addressLine3`.
    AddressLine3,
    /// `locality`.
    Locality,
    /// `region`.
    Region,
    /// `postalCode` (required).
    PostalCode,
    /// `countryCode` (required).
    CountryCode,
}

impl AddressField {
    /// Every field, in form order.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::AddressField::ALL.len(), 9);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub const ALL: [AddressField; 9] = [
        AddressField::ContactName,
        AddressField::OrganizationName,
        AddressField::AddressLine1,
        AddressField::AddressLine2,
        AddressField::AddressLine3,
        AddressField::Locality,
        AddressField::Region,
        AddressField::PostalCode,
        AddressField::CountryCode,
    ];

    /// The camelCase JSON name, e.g. `addressLine1`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::AddressField::ContactName.as_str(), "contactName");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            AddressField::ContactName => "contactName",
            AddressField::OrganizationName => "organizationName",
            AddressField::AddressLine1 => "addressLine1",
            AddressField::AddressLine2 => "addressLine2",
            AddressField::AddressLine3 => "addressLine3",
            AddressField::Locality => "locality",
            AddressField::Region => "region",
            AddressField::PostalCode => "postalCode",
            AddressField::CountryCode => "countryCode",
        }
    }

    /// The path of the field in a customer form: `postalAddress.<field>`, which is also its
    /// path in a Reseller API `Customer`.
    ///
    /// ```
    /// use gws_onboarding::AddressField;
    /// assert_eq!(AddressField::CountryCode.form_path(), "postalAddress.countryCode");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn form_path(self) -> &'static str {
        match self {
            AddressField::ContactName => "postalAddress.contactName",
            AddressField::OrganizationName => "postalAddress.organizationName",
            AddressField::AddressLine1 => "postalAddress.addressLine1",
            AddressField::AddressLine2 => "postalAddress.addressLine2",
            AddressField::AddressLine3 => "postalAddress.addressLine3",
            AddressField::Locality => "postalAddress.locality",
            AddressField::Region => "postalAddress.region",
            AddressField::PostalCode => "postalAddress.postalCode",
            AddressField::CountryCode => "postalAddress.countryCode",
        }
    }

    /// Whether the field must be filled in.
    ///
    /// ```
    /// use gws_onboarding::AddressField;
    /// assert!(AddressField::PostalCode.is_required());
    /// assert!(!AddressField::Region.is_required());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn is_required(self) -> bool {
        matches!(
            self,
            AddressField::ContactName
                | AddressField::OrganizationName
                | AddressField::AddressLine1
                | AddressField::PostalCode
                | AddressField::CountryCode
        )
    }

    /// The field's name in French, for messages.
    pub(crate) const fn name_fr(self) -> &'static str {
        self.fr().0
    }

    /// The field's name in French and its gender, which the words agreeing with it follow
    /// (`code postal modifié`, `localité modifiée`): decided here, with the name.
    pub(crate) const fn fr(self) -> (&'static str, Gender) {
        use Gender::{Feminine as F, Masculine as M};
        match self {
            AddressField::ContactName => ("nom du contact", M),
            AddressField::OrganizationName => ("nom de l'organisation", M),
            AddressField::AddressLine1 => ("ligne d'adresse 1", F),
            AddressField::AddressLine2 => ("ligne d'adresse 2", F),
            AddressField::AddressLine3 => ("ligne d'adresse 3", F),
            AddressField::Locality => ("localité", F),
            AddressField::Region => ("région", F),
            AddressField::PostalCode => ("code postal", M),
            AddressField::CountryCode => ("code pays", M),
        }
    }
}

impl fmt::Display for AddressField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The address as a form or a JSON body gives it: plain strings, not yet checked.
///
/// With the `serde` feature it (de)serialises with the Reseller API's camelCase names.
///
/// ```
/// use gws_onboarding::{PostalAddress, RawPostalAddress};
/// let raw = RawPostalAddress {
///     contact_name: "Ada".into(),
///     organization_name: "Analytical Ltd".into(),
///     address_line1: "10 Downing Street".into(),
///     postal_code: "SW1A 2AA".into(),
///     country_code: "GB".into(),
///     ..RawPostalAddress::default()
/// };
/// let address = PostalAddress::parse(&raw).map_err(|mut e| e.remove(0))?;
/// assert_eq!(RawPostalAddress::from(address), raw);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "camelCase", default))]
pub struct RawPostalAddress {
    /// `contactName`.
    pub contact_name: String,
    /// `organizationName`.
    pub organization_name: String,
    /// `addressLine1`.
    pub address_line1: String,
    /// `addressLine2`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub address_line2: Option<String>,
    /// `addressLine3`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub address_line3: Option<String>,
    /// `locality`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub locality: Option<String>,
    /// `region`.
    #[cfg_attr(feature = "serde", serde(skip_serializing_if = "Option::is_none"))]
    pub region: Option<String>,
    /// `postalCode`.
    pub postal_code: String,
    /// `countryCode`.
    pub country_code: String,
}

/// A checked postal address.
///
/// Every field is trimmed, at most [`MAX_FIELD_CHARS`] characters, and free of control, bidi and
/// other invisible characters; the contact name, organisation name, first address line, postal
/// code and country code are required; an optional field left blank is absent. Postal code
/// formats per country are not checked.
///
/// ```
/// use gws_onboarding::{PostalAddress, RawPostalAddress};
/// let raw = RawPostalAddress {
///     contact_name: " Grace Hopper ".into(),
///     organization_name: "Example Inc.".into(),
///     address_line1: "1600 Amphitheatre Parkway".into(),
///     address_line2: Some("  ".into()),
///     locality: Some("Mountain View".into()),
///     region: Some("CA".into()),
///     postal_code: "94043".into(),
///     country_code: "us".into(),
///     ..RawPostalAddress::default()
/// };
/// let address = PostalAddress::parse(&raw).map_err(|mut e| e.remove(0))?;
/// assert_eq!(address.contact_name(), "Grace Hopper");
/// assert_eq!(address.address_line2(), None);
/// assert_eq!(address.address_lines().count(), 1);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct PostalAddress {
    /// The eight text fields, checked and trimmed, one after the other (one allocation for the
    /// whole address); an absent optional field is empty.
    text: Box<str>,
    /// Where each text field ends in `text`, in form order (contact name, organisation name, address lines 1 to 3, locality,
    /// region, postal code). Fields are at most 255
    /// characters (1 020 bytes), so the whole fits in `u16`.
    ends: [u16; 8],
    country_code: CountryCode,
}

#[allow(clippy::missing_fields_in_debug)] // shows the fields, not their packed storage
impl fmt::Debug for PostalAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("PostalAddress")
            .field("contact_name", &self.contact_name())
            .field("organization_name", &self.organization_name())
            .field("address_line1", &self.address_line1())
            .field("address_line2", &self.address_line2())
            .field("address_line3", &self.address_line3())
            .field("locality", &self.locality())
            .field("region", &self.region())
            .field("postal_code", &self.postal_code())
            .field("country_code", &self.country_code)
            .finish()
    }
}

/// Checks one text field; `Ok(None)` when it is blank.
pub(crate) fn check_text(field: AddressField, value: &str) -> Result<Option<&str>, AddressError> {
    // A char is at most 4 bytes: past that many bytes, the field is too long without counting.
    if value.len() > MAX_FIELD_CHARS * 4 {
        return Err(AddressError::TooLong {
            field,
            max: MAX_FIELD_CHARS,
        });
    }
    let trimmed = value.trim_fast();
    // Printable ASCII (most addresses) has one byte a character and nothing unsafe.
    let ascii = is_printable_ascii(trimmed);
    let chars = if ascii {
        trimmed.len()
    } else {
        trimmed.chars().count()
    };
    if chars > MAX_FIELD_CHARS {
        return Err(AddressError::TooLong {
            field,
            max: MAX_FIELD_CHARS,
        });
    }
    if !ascii {
        if let Some((_, c)) = find_unsafe(trimmed) {
            return Err(AddressError::UnsafeChar { field, found: c });
        }
    }
    Ok((!trimmed.is_empty()).then_some(trimmed))
}

impl PostalAddress {
    /// Checks every field and reports every problem, in form order.
    ///
    /// # Errors
    ///
    /// One [`AddressError`] per bad field: [`AddressError::Missing`] for a blank required field,
    /// [`AddressError::TooLong`] for more than [`MAX_FIELD_CHARS`] characters,
    /// [`AddressError::UnsafeChar`] for a newline, a tab or a bidi override,
    /// [`AddressError::Country`] for a country code such as `"UK"` or `"FRA"`.
    ///
    /// ```
    /// use gws_onboarding::{AddressField, PostalAddress, RawPostalAddress};
    /// let raw = RawPostalAddress {
    ///     contact_name: "Ada".into(),
    ///     organization_name: "Analytical Ltd".into(),
    ///     address_line1: "10 Downing\nStreet".into(),
    ///     postal_code: "SW1A 2AA".into(),
    ///     country_code: "UK".into(),
    ///     ..RawPostalAddress::default()
    /// };
    /// let errors = PostalAddress::parse(&raw).unwrap_err();
    /// let codes: Vec<_> = errors.iter().map(|e| (e.field(), e.code())).collect();
    /// assert_eq!(codes, [
    ///     (AddressField::AddressLine1, "address.unsafe_char"),
    ///     (AddressField::CountryCode, "country.unassigned"),
    /// ]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse<'a>(raw: &'a RawPostalAddress) -> Result<Self, Vec<AddressError>> {
        let mut errors = Vec::new();
        let mut text = |field: AddressField, value: Option<&'a str>| match check_text(
            field,
            value.unwrap_or_default(),
        ) {
            Ok(None) if field.is_required() => {
                errors.push(AddressError::Missing { field });
                ""
            }
            Ok(checked) => checked.unwrap_or_default(),
            Err(err) => {
                errors.push(err);
                ""
            }
        };
        let fields = [
            text(AddressField::ContactName, Some(&raw.contact_name)),
            text(AddressField::OrganizationName, Some(&raw.organization_name)),
            text(AddressField::AddressLine1, Some(&raw.address_line1)),
            text(AddressField::AddressLine2, raw.address_line2.as_deref()),
            text(AddressField::AddressLine3, raw.address_line3.as_deref()),
            text(AddressField::Locality, raw.locality.as_deref()),
            text(AddressField::Region, raw.region.as_deref()),
            text(AddressField::PostalCode, Some(&raw.postal_code)),
        ];
        let country_code = match CountryCode::parse(&raw.country_code) {
            Ok(code) => Some(code),
            Err(CountryError::Empty) => {
                errors.push(AddressError::Missing {
                    field: AddressField::CountryCode,
                });
                None
            }
            Err(err) => {
                errors.push(AddressError::Country(err));
                None
            }
        };
        match country_code {
            Some(country_code) if errors.is_empty() => {
                let mut text = String::with_capacity(fields.iter().map(|f| f.len()).sum());
                let mut ends = [0u16; 8];
                for (end, field) in ends.iter_mut().zip(fields) {
                    text.push_str(field);
                    // At most 8 fields of 1 020 bytes: always fits.
                    *end = u16::try_from(text.len()).unwrap_or(u16::MAX);
                }
                Ok(PostalAddress {
                    text: text.into_boxed_str(),
                    ends,
                    country_code,
                })
            }
            _ => Err(errors),
        }
    }

    /// Like [`parse`](Self::parse), but stops at the first problem.
    ///
    /// # Errors
    ///
    /// The first error [`parse`](Self::parse) would report.
    ///
    /// ```
    /// use gws_onboarding::{AddressField, PostalAddress, RawPostalAddress};
    /// let err = PostalAddress::new(&RawPostalAddress::default()).unwrap_err();
    /// assert_eq!(err.field(), AddressField::ContactName);
    /// assert_eq!(err.to_string(), "postal address field contactName is required");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn new(raw: &RawPostalAddress) -> Result<Self, AddressError> {
        Self::parse(raw).map_err(|mut errors| errors.swap_remove(0))
    }

    /// The contact name.
    ///
    /// ```
    /// # let raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.contact_name(), "Ada");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn contact_name(&self) -> &str {
        self.field(0)
    }

    /// The organisation name.
    ///
    /// ```
    /// # let raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.organization_name(), "O");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn organization_name(&self) -> &str {
        self.field(1)
    }

    /// The first address line.
    ///
    /// ```
    /// # let raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.address_line1(), "L");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn address_line1(&self) -> &str {
        self.field(2)
    }

    /// The second address line, if any.
    ///
    /// ```
    /// # let mut raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// raw.address_line2 = Some("Building 2".into());
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.address_line2(), Some("Building 2"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn address_line2(&self) -> Option<&str> {
        self.optional(3)
    }

    /// The third address line, if any.
    ///
    /// ```
    /// # let raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.address_line3(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn address_line3(&self) -> Option<&str> {
        self.optional(4)
    }

    /// The address lines given, one to three, in order.
    ///
    /// ```
    /// # let mut raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// raw.address_line3 = Some("Floor 3".into());
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.address_lines().collect::<Vec<_>>(), ["L", "Floor 3"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn address_lines(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.address_line1())
            .chain(self.address_line2())
            .chain(self.address_line3())
    }

    /// The locality (city), if any.
    ///
    /// ```
    /// # let mut raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// raw.locality = Some("London".into());
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.locality(), Some("London"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn locality(&self) -> Option<&str> {
        self.optional(5)
    }

    /// The region (state, province), if any.
    ///
    /// ```
    /// # let raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.region(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn region(&self) -> Option<&str> {
        self.optional(6)
    }

    /// The postal code.
    ///
    /// ```
    /// # let raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "GB".into(), ..Default::default() };
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.postal_code(), "P");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn postal_code(&self) -> &str {
        self.field(7)
    }

    /// The country.
    ///
    /// ```
    /// # let raw = gws_onboarding::RawPostalAddress { contact_name: "Ada".into(), organization_name: "O".into(), address_line1: "L".into(), postal_code: "P".into(), country_code: "gb".into(), ..Default::default() };
    /// let address = gws_onboarding::PostalAddress::new(&raw)?;
    /// assert_eq!(address.country_code().as_str(), "GB");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn country_code(&self) -> CountryCode {
        self.country_code
    }
}

impl PostalAddress {
    /// Text field `index`, in form order: contact name, organisation name, address lines 1 to 3,
    /// locality, region, postal code.
    fn field(&self, index: usize) -> &str {
        let start = index
            .checked_sub(1)
            .map_or(0, |i| usize::from(self.ends[i]));
        &self.text[start..usize::from(self.ends[index])]
    }

    /// An optional text field: absent when empty.
    fn optional(&self, index: usize) -> Option<&str> {
        Some(self.field(index)).filter(|f| !f.is_empty())
    }
}

impl From<PostalAddress> for RawPostalAddress {
    fn from(address: PostalAddress) -> Self {
        let optional = |index| address.optional(index).map(str::to_owned);
        RawPostalAddress {
            contact_name: address.contact_name().to_owned(),
            organization_name: address.organization_name().to_owned(),
            address_line1: address.address_line1().to_owned(),
            address_line2: optional(3),
            address_line3: optional(4),
            locality: optional(5),
            region: optional(6),
            postal_code: address.postal_code().to_owned(),
            country_code: address.country_code.as_str().to_owned(),
        }
    }
}

impl TryFrom<&RawPostalAddress> for PostalAddress {
    type Error = Vec<AddressError>;

    fn try_from(raw: &RawPostalAddress) -> Result<Self, Self::Error> {
        Self::parse(raw)
    }
}

/// Serialises as the Reseller API `customers#address` object (camelCase, blank optional fields
/// left out).
#[cfg(feature = "serde")]
impl serde::Serialize for PostalAddress {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        RawPostalAddress::from(self.clone()).serialize(serializer)
    }
}

/// Deserialises through [`PostalAddress::parse`]; the error lists every bad field.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for PostalAddress {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawPostalAddress::deserialize(deserializer)?;
        PostalAddress::parse(&raw).map_err(|errors| {
            let messages: Vec<String> = errors.iter().map(ToString::to_string).collect();
            serde::de::Error::custom(messages.join("; "))
        })
    }
}

/// What is wrong with one field of a postal address.
///
/// ```
/// use gws_onboarding::{AddressField, Lang, PostalAddress, RawPostalAddress};
/// let err = PostalAddress::new(&RawPostalAddress::default()).unwrap_err();
/// assert_eq!(err.code(), "address.missing");
/// assert_eq!(err.field().form_path(), "postalAddress.contactName");
/// assert_eq!(err.message(Lang::Fr), "le champ nom du contact (contactName) de l'adresse est obligatoire");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AddressError {
    /// A required field is blank.
    #[error("postal address field {field} is required")]
    Missing {
        /// The field.
        field: AddressField,
    },
    /// A field is longer than [`MAX_FIELD_CHARS`] characters.
    #[error("postal address field {field} is longer than {max} characters")]
    TooLong {
        /// The field.
        field: AddressField,
        /// [`MAX_FIELD_CHARS`].
        max: usize,
    },
    /// A field has a control, bidi, zero-width or other invisible character.
    #[error("postal address field {field} contains the invisible or control character {}", escape(*found))]
    UnsafeChar {
        /// The field.
        field: AddressField,
        /// The character.
        found: char,
    },
    /// The country code is not an assigned ISO 3166-1 alpha-2 code.
    #[error("postal address field countryCode: {0}")]
    Country(#[source] CountryError),
}

/// `U+202E`-style notation, safe to print.
fn escape(c: char) -> String {
    format!("U+{:04X}", u32::from(c))
}

impl AddressError {
    /// The field the error is about.
    ///
    /// ```
    /// use gws_onboarding::{AddressField, PostalAddress, RawPostalAddress};
    /// let err = PostalAddress::new(&RawPostalAddress::default()).unwrap_err();
    /// assert_eq!(err.field(), AddressField::ContactName);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn field(&self) -> AddressField {
        match self {
            AddressError::Missing { field }
            | AddressError::TooLong { field, .. }
            | AddressError::UnsafeChar { field, .. } => *field,
            AddressError::Country(_) => AddressField::CountryCode,
        }
    }

    /// The stable machine code: `address.missing`, `address.too_long`, `address.unsafe_char`, or
    /// for a bad country code the [`CountryError`] code (`country.format`,
    /// `country.unassigned`).
    ///
    /// ```
    /// use gws_onboarding::{PostalAddress, RawPostalAddress};
    /// let raw = RawPostalAddress { contact_name: "\u{202e}".into(), ..Default::default() };
    /// let err = PostalAddress::new(&raw).unwrap_err();
    /// assert_eq!(err.code(), "address.unsafe_char");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            AddressError::Missing { .. } => "address.missing",
            AddressError::TooLong { .. } => "address.too_long",
            AddressError::UnsafeChar { .. } => "address.unsafe_char",
            AddressError::Country(err) => err.code(),
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, PostalAddress, RawPostalAddress};
    /// let raw = RawPostalAddress { contact_name: "x".repeat(256), ..Default::default() };
    /// let err = PostalAddress::new(&raw).unwrap_err();
    /// assert_eq!(
    ///     err.message(Lang::Fr),
    ///     "le champ nom du contact (contactName) de l'adresse dépasse 255 caractères"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => {
                let field = self.field();
                let name = format!("le champ {} ({field}) de l'adresse", field.name_fr());
                match self {
                    AddressError::Missing { .. } => format!("{name} est obligatoire"),
                    AddressError::TooLong { max, .. } => {
                        format!("{name} dépasse {max} caractères")
                    }
                    AddressError::UnsafeChar { found, .. } => format!(
                        "{name} contient le caractère invisible ou de contrôle {}",
                        escape(*found)
                    ),
                    AddressError::Country(err) => format!("{name} : {}", err.message(Lang::Fr)),
                }
            }
        }
    }
}

crate::error::impl_diagnostic!(AddressError);

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> RawPostalAddress {
        RawPostalAddress {
            contact_name: "Marie Curie".into(),
            organization_name: "Exemple SARL".into(),
            address_line1: "1 rue de Rivoli".into(),
            address_line2: Some("Bâtiment B".into()),
            address_line3: Some("3e étage".into()),
            locality: Some("Paris".into()),
            region: Some("Île-de-France".into()),
            postal_code: "75001".into(),
            country_code: "fr".into(),
        }
    }

    #[track_caller]
    fn errors(raw: &RawPostalAddress) -> Vec<(AddressField, &'static str)> {
        PostalAddress::parse(raw)
            .unwrap_err()
            .iter()
            .map(|e| (e.field(), e.code()))
            .collect()
    }

    #[test]
    fn accepts_and_trims() {
        let mut raw = valid();
        raw.contact_name = "  Marie Curie\t".into();
        raw.region = Some("   ".into());
        let address = PostalAddress::parse(&raw).unwrap();
        assert_eq!(address.contact_name(), "Marie Curie");
        assert_eq!(address.region(), None);
        assert_eq!(address.address_lines().count(), 3);
        assert_eq!(address.country_code().as_str(), "FR");
        let back = RawPostalAddress::from(address.clone());
        assert_eq!(PostalAddress::parse(&back).unwrap(), address);
    }

    #[test]
    fn length_is_counted_in_characters() {
        let mut raw = valid();
        raw.organization_name = "é".repeat(MAX_FIELD_CHARS);
        assert!(PostalAddress::parse(&raw).is_ok());
        raw.organization_name.push('é');
        assert_eq!(
            errors(&raw),
            [(AddressField::OrganizationName, "address.too_long")]
        );
        raw.organization_name = "x".repeat(1_000_000);
        assert_eq!(
            errors(&raw),
            [(AddressField::OrganizationName, "address.too_long")]
        );
        raw.organization_name = format!("  {}  ", "x".repeat(MAX_FIELD_CHARS));
        assert!(PostalAddress::parse(&raw).is_ok());
    }

    #[test]
    fn reports_every_field() {
        let raw = RawPostalAddress {
            contact_name: "a\u{202e}b".into(),
            organization_name: " ".into(),
            address_line1: String::new(),
            address_line2: Some("line\nbreak".into()),
            address_line3: Some("x".repeat(300)),
            locality: Some("zero\u{200b}width".into()),
            region: Some("\u{7}".into()),
            postal_code: String::new(),
            country_code: "EU".into(),
        };
        assert_eq!(
            errors(&raw),
            [
                (AddressField::ContactName, "address.unsafe_char"),
                (AddressField::OrganizationName, "address.missing"),
                (AddressField::AddressLine1, "address.missing"),
                (AddressField::AddressLine2, "address.unsafe_char"),
                (AddressField::AddressLine3, "address.too_long"),
                (AddressField::Locality, "address.unsafe_char"),
                (AddressField::Region, "address.unsafe_char"),
                (AddressField::PostalCode, "address.missing"),
                (AddressField::CountryCode, "country.unassigned"),
            ]
        );
        let mut raw = valid();
        raw.address_line1 = String::new();
        assert_eq!(
            errors(&raw),
            [(AddressField::AddressLine1, "address.missing")]
        );
        raw = valid();
        raw.country_code = " ".into();
        assert_eq!(
            errors(&raw),
            [(AddressField::CountryCode, "address.missing")]
        );
        raw.country_code = "FRA".into();
        assert_eq!(
            errors(&raw),
            [(AddressField::CountryCode, "country.format")]
        );
    }

    #[test]
    fn messages_name_the_field_and_never_echo_unsafe_input() {
        let mut raw = valid();
        raw.locality = Some("Paris\u{202e}".into());
        let err = PostalAddress::new(&raw).unwrap_err();
        assert_eq!(
            err.to_string(),
            "postal address field locality contains the invisible or control character U+202E"
        );
        assert_eq!(err.field().form_path(), "postalAddress.locality");
        raw = valid();
        raw.country_code = "UK".into();
        let err = PostalAddress::new(&raw).unwrap_err();
        assert_eq!(
            err.to_string(),
            "postal address field countryCode: country code \"UK\" is not an assigned ISO 3166-1 alpha-2 code: did you mean `GB`?"
        );
        assert!(std::error::Error::source(&err).is_some());
    }

    #[test]
    fn every_code_has_english_and_french_messages() {
        for field in AddressField::ALL {
            for err in [
                AddressError::Missing { field },
                AddressError::TooLong {
                    field,
                    max: MAX_FIELD_CHARS,
                },
                AddressError::UnsafeChar {
                    field,
                    found: '\u{0}',
                },
            ] {
                assert_eq!(err.message(Lang::En), err.to_string());
                assert!(err.message(Lang::Fr).contains(field.as_str()));
                assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
                assert!(err.code().starts_with("address."));
            }
        }
        let err = AddressError::Country(CountryError::Empty);
        assert!(!err.message(Lang::Fr).is_empty());
        assert_ne!(err.message(Lang::Fr), err.message(Lang::En));
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_goes_through_the_parser() {
        let json = r#"{"contactName":"Ada","organizationName":"Analytical","addressLine1":"1 Main St","postalCode":"12345","countryCode":"us"}"#;
        let address: PostalAddress = serde_json::from_str(json).unwrap();
        assert_eq!(
            serde_json::to_string(&address).unwrap(),
            json.replace("\"us\"", "\"US\"")
        );
        let err = serde_json::from_str::<PostalAddress>(r#"{"contactName":"Ada"}"#).unwrap_err();
        assert!(
            err.to_string().contains("organizationName is required"),
            "{err}"
        );
    }
}
