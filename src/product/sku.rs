//! Layer 2, values: a Reseller API product and SKU id pair ([`Sku`]), known to the catalogue or not.

use super::addon::Addon;
use super::edition::Edition;
use super::item::Product;
use crate::error::{Lang, snippet};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::fmt;

/// The most bytes of a `productId` or `skuId` this crate keeps.
///
/// ```
/// use gws_onboarding::{Sku, product::MAX_ID_LEN};
/// assert_eq!(Sku::parse("Google-Apps", &"1".repeat(MAX_ID_LEN + 1)).unwrap_err().code(), "sku.too_long");
/// ```
pub const MAX_ID_LEN: usize = 64;

/// A Reseller API `(productId, skuId)` pair.
///
/// A pair in the catalogue is recognised as its [`Product`]; any other well-formed pair
/// (non-empty, at most [`MAX_ID_LEN`] bytes, printable ASCII without spaces) is kept as given, so
/// that a SKU Google adds later still round-trips. Equality, ordering and hashing follow the
/// `(productId, skuId)` strings.
///
/// ```
/// use gws_onboarding::{Edition, Sku};
///
/// let sku = Sku::parse("101005", "1010050001")?;
/// assert_eq!(sku.edition(), Some(Edition::CloudIdentityPremium));
/// assert_eq!(sku.to_string(), "101005/1010050001");
/// assert_eq!(
///     format!("{sku:?}"),
///     "Sku { product_id: \"101005\", sku_id: \"1010050001\" }"
/// );
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct Sku(SkuRepr);

#[derive(Clone, PartialEq, Eq, Hash)]
pub(super) enum SkuRepr {
    Known(Product),
    Other {
        product_id: Box<str>,
        sku_id: Box<str>,
    },
}

/// Which half of a [`Sku`] an error is about.
///
/// ```
/// use gws_onboarding::{Sku, SkuField};
/// let err = Sku::parse("Google-Apps", "").unwrap_err();
/// assert_eq!(err.field(), SkuField::SkuId);
/// assert_eq!(SkuField::SkuId.as_str(), "skuId");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum SkuField {
    /// `productId`.
    ProductId,
    /// `skuId`.
    SkuId,
}

impl SkuField {
    /// The JSON field name: `productId` or `skuId`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::SkuField::ProductId.as_str(), "productId");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            SkuField::ProductId => "productId",
            SkuField::SkuId => "skuId",
        }
    }
}

impl fmt::Display for SkuField {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Checks one half of a SKU.
///
/// Full-width ASCII (an IME's `１０１００２００２７`) is folded to ASCII first: the id returned is
/// the folded one.
pub(super) fn check_id(field: SkuField, id: &str) -> Result<Cow<'_, str>, SkuError> {
    let too_long = SkuError::TooLong {
        field,
        max: MAX_ID_LEN,
    };
    // Full-width, a character takes three bytes: bound the input by that first.
    if id.len() > MAX_ID_LEN * 3 {
        return Err(too_long);
    }
    if id.is_empty() {
        return Err(SkuError::Empty { field });
    }
    let id = crate::names::fold_width_str(id);
    if id.len() > MAX_ID_LEN {
        return Err(too_long);
    }
    match id.chars().find(|c| !c.is_ascii_graphic()) {
        Some(c) => Err(SkuError::InvalidChar {
            field,
            found: snippet(c.encode_utf8(&mut [0; 4])),
        }),
        None => Ok(id),
    }
}

impl Sku {
    /// Checks a `(productId, skuId)` pair and recognises it if it is in the catalogue.
    ///
    /// # Errors
    ///
    /// [`SkuError::Empty`] for `""`, [`SkuError::TooLong`] for more than [`MAX_ID_LEN`] bytes,
    /// [`SkuError::InvalidChar`] for `"Google Apps"` or `"1010020027\n"`; the `productId` is
    /// checked first.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product, Sku};
    /// let sku = Sku::parse("Google-Vault", "Google-Vault-Former-Employee")?;
    /// assert_eq!(sku.product(), Some(Product::Addon(Addon::VaultFormerEmployee)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn parse(product_id: &str, sku_id: &str) -> Result<Self, SkuError> {
        let product_id = check_id(SkuField::ProductId, product_id)?;
        let sku_id = check_id(SkuField::SkuId, sku_id)?;
        let (product_id, sku_id) = (&*product_id, &*sku_id);
        Ok(Sku(match super::catalogue::find(product_id, sku_id) {
            Some(product) => SkuRepr::Known(product),
            None => SkuRepr::Other {
                product_id: product_id.into(),
                sku_id: sku_id.into(),
            },
        }))
    }

    /// The `productId`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Sku::parse("Google-Apps", "1")?.product_id(), "Google-Apps");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product_id(&self) -> &str {
        match &self.0 {
            SkuRepr::Known(product) => product.product_id(),
            SkuRepr::Other { product_id, .. } => product_id,
        }
    }

    /// The `skuId`.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::Sku::parse("Google-Apps", "1")?.sku_id(), "1");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku_id(&self) -> &str {
        match &self.0 {
            SkuRepr::Known(product) => product.sku_id(),
            SkuRepr::Other { sku_id, .. } => sku_id,
        }
    }

    /// The catalogue product, if the pair is in the catalogue.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Product, Sku};
    /// let sku = Sku::parse("Google-Apps", "Google-Apps-For-Education")?;
    /// assert_eq!(sku.product(), Some(Product::Edition(Edition::EducationFundamentals)));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product(&self) -> Option<Product> {
        match self.0 {
            SkuRepr::Known(product) => Some(product),
            SkuRepr::Other { .. } => None,
        }
    }

    /// The edition, if the pair is a catalogue edition.
    ///
    /// ```
    /// use gws_onboarding::Sku;
    /// assert_eq!(Sku::parse("Google-Vault", "Google-Vault")?.edition(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn edition(&self) -> Option<Edition> {
        match self.product() {
            Some(Product::Edition(edition)) => Some(edition),
            _ => None,
        }
    }

    /// The pair's row of the catalogue, if it has one.
    ///
    /// ```
    /// use gws_onboarding::Sku;
    /// let sku = Sku::parse("Google-Apps", "Google-Apps-Lite")?;
    /// assert_eq!(sku.catalogue_entry().map(|e| e.sku_name()), Some("G Suite Lite"));
    /// assert!(Sku::parse("Google-Apps", "42")?.catalogue_entry().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn catalogue_entry(&self) -> Option<&'static super::catalogue::CatalogueEntry> {
        self.product().map(Product::catalogue_entry)
    }

    /// Whether the pair is in the catalogue.
    ///
    /// ```
    /// use gws_onboarding::Sku;
    /// assert!(Sku::parse("101001", "1010010001")?.is_known());
    /// assert!(!Sku::parse("101001", "1010010002")?.is_known());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is_known(&self) -> bool {
        self.product().is_some()
    }
}

impl From<Product> for Sku {
    fn from(product: Product) -> Self {
        Sku(SkuRepr::Known(product))
    }
}

impl From<Edition> for Sku {
    fn from(edition: Edition) -> Self {
        Sku(SkuRepr::Known(Product::Edition(edition)))
    }
}

impl From<Addon> for Sku {
    fn from(addon: Addon) -> Self {
        Sku(SkuRepr::Known(Product::Addon(addon)))
    }
}

impl PartialOrd for Sku {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Sku {
    fn cmp(&self, other: &Self) -> Ordering {
        (self.product_id(), self.sku_id()).cmp(&(other.product_id(), other.sku_id()))
    }
}

impl fmt::Debug for Sku {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sku")
            .field("product_id", &self.product_id())
            .field("sku_id", &self.sku_id())
            .finish()
    }
}

impl fmt::Display for Sku {
    /// `productId/skuId`, for people and logs.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.product_id(), self.sku_id())
    }
}

/// Serialises as `{"productId": …, "skuId": …}`.
#[cfg(feature = "serde")]
impl serde::Serialize for Sku {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut state = serializer.serialize_struct("Sku", 2)?;
        state.serialize_field("productId", self.product_id())?;
        state.serialize_field("skuId", self.sku_id())?;
        state.end()
    }
}

/// Deserialises `{"productId": …, "skuId": …}` through [`Sku::parse`].
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Sku {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        #[derive(serde::Deserialize)]
        #[serde(rename_all = "camelCase")]
        struct RawSku<'a> {
            #[serde(borrow)]
            product_id: std::borrow::Cow<'a, str>,
            #[serde(borrow)]
            sku_id: std::borrow::Cow<'a, str>,
        }
        let raw = RawSku::deserialize(deserializer)?;
        Sku::parse(&raw.product_id, &raw.sku_id).map_err(serde::de::Error::custom)
    }
}

/// Why a `(productId, skuId)` pair is malformed.
///
/// ```
/// use gws_onboarding::{Lang, Sku};
///
/// let err = Sku::parse("Google Apps", "1010020027").unwrap_err();
/// assert_eq!(err.code(), "sku.invalid_char");
/// assert_eq!(err.to_string(), "productId contains a space (U+0020): only printable ASCII without spaces is allowed");
/// assert!(err.message(Lang::Fr).starts_with("le champ productId contient un espace"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SkuError {
    /// The id is empty.
    #[error("{field} is empty")]
    Empty {
        /// Which id.
        field: SkuField,
    },
    /// The id is longer than [`MAX_ID_LEN`] bytes.
    #[error("{field} is longer than {max} characters")]
    TooLong {
        /// Which id.
        field: SkuField,
        /// [`MAX_ID_LEN`].
        max: usize,
    },
    /// The id has a space, a control or a non-ASCII character.
    #[error(
        "{field} contains {}: only printable ASCII without spaces is allowed",
        shown_char(found, Lang::En)
    )]
    InvalidChar {
        /// Which id.
        field: SkuField,
        /// The character, made safe to echo.
        found: String,
    },
}

/// The refused character of [`SkuError::InvalidChar`], already escaped, quoted the way `lang`
/// quotes; white space, which would look like empty quotes, is named instead.
pub(super) fn shown_char(found: &str, lang: Lang) -> String {
    let mut chars = found.chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) if c.is_whitespace() => crate::error::quote_char(c, lang),
        _ => match lang {
            Lang::Fr => format!("« {found} »"),
            _ => format!("\"{found}\""),
        },
    }
}

impl SkuError {
    /// Which id the error is about.
    ///
    /// ```
    /// use gws_onboarding::{Sku, SkuField};
    /// assert_eq!(Sku::parse("", "x").unwrap_err().field(), SkuField::ProductId);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn field(&self) -> SkuField {
        match self {
            SkuError::Empty { field }
            | SkuError::TooLong { field, .. }
            | SkuError::InvalidChar { field, .. } => *field,
        }
    }

    /// The stable machine code: `sku.empty`, `sku.too_long` or `sku.invalid_char`.
    ///
    /// ```
    /// let err = gws_onboarding::Sku::parse("Google-Apps", "").unwrap_err();
    /// assert_eq!(err.code(), "sku.empty");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            SkuError::Empty { .. } => "sku.empty",
            SkuError::TooLong { .. } => "sku.too_long",
            SkuError::InvalidChar { .. } => "sku.invalid_char",
        }
    }

    /// The message in `lang`; the English one is the [`Display`](fmt::Display) text.
    ///
    /// ```
    /// use gws_onboarding::Lang;
    /// let err = gws_onboarding::Sku::parse("Google-Apps", "").unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "le champ skuId est vide");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.to_string(),
            Lang::Fr => match self {
                SkuError::Empty { field } => format!("le champ {field} est vide"),
                SkuError::TooLong { field, max } => {
                    format!("le champ {field} dépasse {max} caractères")
                }
                SkuError::InvalidChar { field, found } => format!(
                    "le champ {field} contient {} : seul l'ASCII imprimable sans espace est admis",
                    shown_char(found, lang)
                ),
            },
        }
    }
}

crate::error::impl_diagnostic!(SkuError);

impl Edition {
    /// The `(productId, skuId)` pair.
    ///
    /// ```
    /// use gws_onboarding::{Edition, Sku};
    /// assert_eq!(Edition::BusinessStarter.sku(), Sku::parse("Google-Apps", "1010020027")?);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku(self) -> Sku {
        Sku::from(self)
    }
}

impl Product {
    /// The `(productId, skuId)` pair.
    ///
    /// ```
    /// use gws_onboarding::{Addon, Product};
    /// assert_eq!(Product::Addon(Addon::Vault).sku().sku_id(), "Google-Vault");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku(self) -> Sku {
        Sku::from(self)
    }
}
