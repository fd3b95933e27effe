//! Layer 4, wire. The identifiers of the journey that are not part of the form: the customer's transfer
//! token, a `requestId`, the resource names Google assigns and the journey puts in paths, and
//! the `pageToken` of a listed page.
//!
//! Each is a validated newtype: a value read from Google goes into a REST path only after its
//! shape is checked, so an answer cannot smuggle `../` or a query string into the next call.

use std::fmt;

use crate::error::{Lang, snippet};

/// What an identifier is, for messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum IdKind {
    /// [`TransferToken`].
    TransferToken,
    /// [`RequestId`].
    RequestId,
    /// [`CustomerName`].
    CustomerName,
    /// [`OperationName`].
    OperationName,
    /// [`PageToken`].
    PageToken,
}

impl IdKind {
    /// The noun phrase in `lang` ("the transfer token", "le jeton de transfert").
    fn noun(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IdKind::TransferToken, Lang::Fr) => "le jeton de transfert",
            (IdKind::RequestId, Lang::Fr) => "l'identifiant de requête (requestId)",
            (IdKind::CustomerName, Lang::Fr) => "le nom de ressource du client",
            (IdKind::OperationName, Lang::Fr) => "le nom de l'opération",
            (IdKind::PageToken, Lang::Fr) => "le jeton de page (pageToken)",
            (IdKind::TransferToken, _) => "the transfer token",
            (IdKind::RequestId, _) => "the requestId",
            (IdKind::CustomerName, _) => "the customer resource name",
            (IdKind::OperationName, _) => "the operation name",
            (IdKind::PageToken, _) => "the pageToken",
        }
    }

    /// The shape expected, in `lang`.
    fn expected(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (IdKind::TransferToken, Lang::Fr) => "des chiffres hexadécimaux (0-9, a-f)",
            (IdKind::RequestId, Lang::Fr) => {
                "un UUID de la forme xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx"
            }
            (IdKind::CustomerName, Lang::Fr) => "accounts/{compte}/customers/{client}",
            (IdKind::PageToken, Lang::Fr) => "de l'ASCII imprimable sans espace",
            (IdKind::TransferToken, _) => "hexadecimal digits (0-9, a-f)",
            (IdKind::RequestId, _) => "a UUID shaped xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx",
            (IdKind::CustomerName, _) => "accounts/{account}/customers/{customer}",
            (IdKind::OperationName, _) => "operations/{id}",
            (IdKind::PageToken, _) => "printable ASCII without spaces",
        }
    }
}

/// Why an identifier was refused.
///
/// ```
/// use gws_onboarding::wire::TransferToken;
/// use gws_onboarding::{Diagnostic, Lang};
///
/// let err = TransferToken::parse("not-hex!").unwrap_err();
/// assert_eq!(err.code(), "id.format");
/// assert_eq!(err.message(Lang::En), "the transfer token \"not-hex!\" is not hexadecimal digits (0-9, a-f)");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, thiserror::Error)]
#[non_exhaustive]
pub enum IdError {
    /// Blank.
    #[error("{} is empty", .what.noun(Lang::En))]
    Empty {
        /// The identifier.
        what: IdKind,
    },
    /// Longer than its limit (refused before it is scanned).
    #[error("{} has {len} bytes, more than {max}", .what.noun(Lang::En))]
    TooLong {
        /// The identifier.
        what: IdKind,
        /// Its length in bytes.
        len: usize,
        /// The most bytes it may have.
        max: usize,
    },
    /// Not of the expected shape.
    #[error("{} \"{found}\" is not {}", .what.noun(Lang::En), .what.expected(Lang::En))]
    Format {
        /// The identifier.
        what: IdKind,
        /// The value, escaped and cut.
        found: String,
    },
    /// The nil UUID, which Google refuses as a `requestId`.
    #[error("the requestId is all zeros, which Google refuses")]
    NilUuid,
}

impl IdError {
    /// The stable code: `id.empty`, `id.too_long`, `id.format` or `id.nil_uuid`.
    ///
    /// ```
    /// use gws_onboarding::wire::RequestId;
    /// assert_eq!(RequestId::parse("").unwrap_err().code(), "id.empty");
    /// ```
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            IdError::Empty { .. } => "id.empty",
            IdError::TooLong { .. } => "id.too_long",
            IdError::Format { .. } => "id.format",
            IdError::NilUuid => "id.nil_uuid",
        }
    }

    /// The message in `lang`; the English one is the `Display` text.
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::RequestId};
    /// let err = RequestId::parse("00000000-0000-0000-0000-000000000000").unwrap_err();
    /// assert_eq!(err.message(Lang::Fr), "l'identifiant de requête (requestId) ne contient que des zéros, ce que Google refuse");
    /// ```
    #[must_use]
    pub fn message(&self, lang: Lang) -> String {
        match (self, lang) {
            (_, Lang::En) => self.to_string(),
            (IdError::Empty { what }, _) => format!("{} est vide", what.noun(lang)),
            (IdError::TooLong { what, len, max }, _) => {
                format!("{} fait {len} octets, plus que {max}", what.noun(lang))
            }
            (IdError::Format { what, found }, _) => format!(
                "{} « {found} » n'est pas de la forme {}",
                what.noun(lang),
                what.expected(lang)
            ),
            (IdError::NilUuid, _) => {
                "l'identifiant de requête (requestId) ne contient que des zéros, ce que Google refuse"
                    .to_owned()
            }
        }
    }
}

crate::error::impl_diagnostic!(IdError);

/// Checks length (before anything else) and blankness; returns the trimmed value.
fn prepare(input: &str, what: IdKind, max: usize) -> Result<&str, IdError> {
    if input.len() > max + 64 {
        return Err(IdError::TooLong {
            what,
            len: input.len(),
            max,
        });
    }
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(IdError::Empty { what });
    }
    if trimmed.len() > max {
        return Err(IdError::TooLong {
            what,
            len: trimmed.len(),
            max,
        });
    }
    Ok(trimmed)
}

fn format_error(what: IdKind, input: &str) -> IdError {
    IdError::Format {
        what,
        found: snippet(input),
    }
}

/// Whether `segment` is a resource id Google assigns: ASCII letters, digits, `-`, `_`, `.`,
/// not `.` or `..`.
fn is_id_segment(segment: &str) -> bool {
    !segment.is_empty()
        && segment != "."
        && segment != ".."
        && segment
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'))
}

/// Defines the standard string surface of an identifier newtype.
macro_rules! id_surface {
    ($name:ident) => {
        id_surface!($name, secret);

        $crate::surface::str_traits!($name, IdError);

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_tuple(stringify!($name)).field(&&*self.0).finish()
            }
        }
    };
    ($name:ident, secret) => {
        impl $name {
            /// The identifier as sent to Google.
            ///
            /// ```
            #[doc = concat!("# use gws_onboarding::wire::", stringify!($name), ";")]
            #[doc = concat!("let id = ", stringify!($name), "::parse(", stringify!($name), "::EXAMPLE)?;")]
            #[doc = concat!("assert_eq!(id.as_str(), ", stringify!($name), "::EXAMPLE);")]
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }
    };
}

/// The customer's transfer token (Admin console > Billing > transfer token): the Reseller
/// API's `customerAuthToken` query parameter and Cloud Channel's `authToken`, needed to take
/// over a customer that another reseller or Google holds. Hexadecimal, at most 256 digits,
/// kept as typed (trimmed). It expires 14 days after the customer generated it.
///
/// It is a secret: `Debug` and `Display` show only its length, so a token in a logged value or
/// message stays out of the log. [`as_str`](Self::as_str) gives it, to send.
///
/// ```
/// use gws_onboarding::wire::TransferToken;
/// let token = TransferToken::parse(" 0a1B2c3D4e5F ")?;
/// assert_eq!(token.as_str(), "0a1B2c3D4e5F");
/// assert_eq!(token.to_string(), "[transfer token, 12 digits]");
/// assert_eq!(format!("{token:?}"), "TransferToken([redacted, 12 digits])");
/// assert!(TransferToken::parse("0a1b&admin=x").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TransferToken(Box<str>);

impl TransferToken {
    /// The most hexadecimal digits a token may have.
    pub const MAX_LEN: usize = 256;
    /// A token, for examples.
    pub const EXAMPLE: &'static str = "0a1b2c3d4e5f6789";

    /// Trims and checks the token.
    ///
    /// ```
    /// use gws_onboarding::wire::TransferToken;
    /// assert_eq!(TransferToken::parse("ABCDEF0123")?.as_str(), "ABCDEF0123");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`IdError::Empty`] for `""`, [`IdError::TooLong`] past [`MAX_LEN`](Self::MAX_LEN),
    /// [`IdError::Format`] for `"0a1b?x=1"` or any non-hexadecimal character.
    pub fn parse(input: &str) -> Result<TransferToken, IdError> {
        let what = IdKind::TransferToken;
        let token = prepare(input, what, Self::MAX_LEN)?;
        if !token.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(format_error(what, token));
        }
        Ok(TransferToken(token.into()))
    }
}

id_surface!(TransferToken, secret);
crate::surface::str_traits!(TransferToken, IdError, secret);

impl fmt::Display for TransferToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "[transfer token, {} digits]", self.0.len())
    }
}

impl fmt::Debug for TransferToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TransferToken([redacted, {} digits])", self.0.len())
    }
}

/// A Cloud Channel `requestId`: a UUID that makes a retried `entitlements.create` idempotent.
/// Written in the canonical lowercase 8-4-4-4-12 form; the nil UUID is refused (Google refuses
/// it). The crate has no randomness: generate the UUID yourself (v4) and keep it with the
/// journey's state, so a retry after a crash sends the same one.
///
/// ```
/// use gws_onboarding::wire::RequestId;
/// let id = RequestId::parse("3F2504E0-4F89-41D3-9A0C-0305E82C3301")?;
/// assert_eq!(id.as_str(), "3f2504e0-4f89-41d3-9a0c-0305e82c3301");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct RequestId(Box<str>);

impl RequestId {
    /// A request id, for examples.
    pub const EXAMPLE: &'static str = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";

    /// Checks and lowercases the UUID.
    ///
    /// ```
    /// use gws_onboarding::wire::RequestId;
    /// assert!(RequestId::parse("3f2504e04f8941d39a0c0305e82c3301").is_err()); // no hyphens
    /// ```
    ///
    /// # Errors
    ///
    /// [`IdError::Empty`] for `""`, [`IdError::TooLong`] past 36 characters,
    /// [`IdError::Format`] for `"3f2504e0"` or a UUID without its hyphens, [`IdError::NilUuid`]
    /// for `00000000-0000-0000-0000-000000000000`.
    pub fn parse(input: &str) -> Result<RequestId, IdError> {
        let what = IdKind::RequestId;
        let id = prepare(input, what, 36)?;
        let shaped = id.len() == 36
            && id.bytes().enumerate().all(|(i, b)| {
                if matches!(i, 8 | 13 | 18 | 23) {
                    b == b'-'
                } else {
                    b.is_ascii_hexdigit()
                }
            });
        if !shaped {
            return Err(format_error(what, id));
        }
        if id.bytes().all(|b| matches!(b, b'0' | b'-')) {
            return Err(IdError::NilUuid);
        }
        Ok(RequestId(id.to_ascii_lowercase().into()))
    }
}

id_surface!(RequestId);

/// A Cloud Channel customer resource name, `accounts/{account}/customers/{customer}`, as
/// Google returns it (`customers.create`, `checkCloudIdentityAccountsExist`'s
/// `customerName`). Each id is ASCII letters, digits, `-`, `_` or `.`; at most 512 bytes.
///
/// ```
/// use gws_onboarding::wire::CustomerName;
/// let name = CustomerName::parse("accounts/C01abcd2e/customers/S0123abc")?;
/// assert_eq!(name.account_id(), "C01abcd2e");
/// assert_eq!(name.customer_id(), "S0123abc");
/// assert!(CustomerName::parse("accounts/C01/customers/../x").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct CustomerName(Box<str>);

impl CustomerName {
    /// The most bytes a name may have.
    pub const MAX_LEN: usize = 512;
    /// A name, for examples.
    pub const EXAMPLE: &'static str = "accounts/C01abcd2e/customers/S0123abc";

    /// Checks the name's shape.
    ///
    /// ```
    /// use gws_onboarding::wire::CustomerName;
    /// assert!(CustomerName::parse("accounts/C01/customers/S1?x=1").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`IdError::Empty`], [`IdError::TooLong`], or [`IdError::Format`] for anything but
    /// `accounts/{id}/customers/{id}` (`"customers/S1"`, `"accounts/C1/customers/"`, a `..`
    /// or `?` in an id).
    pub fn parse(input: &str) -> Result<CustomerName, IdError> {
        let what = IdKind::CustomerName;
        let name = prepare(input, what, Self::MAX_LEN)?;
        let mut parts = name.split('/');
        let shaped = parts.next() == Some("accounts")
            && parts.next().is_some_and(is_id_segment)
            && parts.next() == Some("customers")
            && parts.next().is_some_and(is_id_segment)
            && parts.next().is_none();
        if !shaped {
            return Err(format_error(what, name));
        }
        Ok(CustomerName(name.into()))
    }

    /// The reseller account's id (the `{account}` segment).
    ///
    /// ```
    /// use gws_onboarding::wire::CustomerName;
    /// assert_eq!(CustomerName::parse(CustomerName::EXAMPLE)?.account_id(), "C01abcd2e");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn account_id(&self) -> &str {
        self.0.split('/').nth(1).unwrap_or_default()
    }

    /// The customer's id (the `{customer}` segment).
    ///
    /// ```
    /// use gws_onboarding::wire::CustomerName;
    /// assert_eq!(CustomerName::parse(CustomerName::EXAMPLE)?.customer_id(), "S0123abc");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn customer_id(&self) -> &str {
        self.0.split('/').nth(3).unwrap_or_default()
    }
}

id_surface!(CustomerName);

/// A long-running operation's name, `operations/{id}` (the id may hold `/`-separated
/// segments), polled with `GET v1/{name}`. Each segment is ASCII letters, digits, `-`, `_` or
/// `.`, never `.` or `..`; at most 512 bytes.
///
/// ```
/// use gws_onboarding::wire::OperationName;
/// let name = OperationName::parse("operations/abc-123")?;
/// assert_eq!(name.as_str(), "operations/abc-123");
/// assert!(OperationName::parse("operations/../accounts").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct OperationName(Box<str>);

impl OperationName {
    /// The most bytes a name may have.
    pub const MAX_LEN: usize = 512;
    /// A name, for examples.
    pub const EXAMPLE: &'static str = "operations/abc-123";

    /// Checks the name's shape.
    ///
    /// ```
    /// use gws_onboarding::wire::OperationName;
    /// assert!(OperationName::parse("accounts/C1").is_err());
    /// ```
    ///
    /// # Errors
    ///
    /// [`IdError::Empty`], [`IdError::TooLong`], or [`IdError::Format`] for a name that does
    /// not start with `operations/`, has an empty, `.` or `..` segment, or another character.
    pub fn parse(input: &str) -> Result<OperationName, IdError> {
        let what = IdKind::OperationName;
        let name = prepare(input, what, Self::MAX_LEN)?;
        let shaped = name
            .strip_prefix("operations/")
            .is_some_and(|rest| rest.split('/').all(is_id_segment));
        if !shaped {
            return Err(format_error(what, name));
        }
        Ok(OperationName(name.into()))
    }
}

id_surface!(OperationName);

/// The `nextPageToken` of a listed page, sent back as `pageToken` to read the next one: opaque
/// to this crate, 1 to [`MAX_LEN`](Self::MAX_LEN) bytes of printable ASCII without spaces,
/// kept as Google wrote it (trimmed) and percent-encoded where it goes into a query.
///
/// ```
/// use gws_onboarding::wire::PageToken;
/// let token = PageToken::parse("CgwI+/q2BhD4nY6sAw==")?;
/// assert_eq!(token.as_str(), "CgwI+/q2BhD4nY6sAw==");
/// assert!(PageToken::parse("two words").is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PageToken(Box<str>);

impl PageToken {
    /// The most bytes a page token may have.
    pub const MAX_LEN: usize = 1024;
    /// A page token, for examples.
    pub const EXAMPLE: &'static str = "CgwI-q2BhD4nY6sAw";

    /// Trims and checks the token.
    ///
    /// ```
    /// use gws_onboarding::wire::PageToken;
    /// assert_eq!(PageToken::parse(" abc= ")?.as_str(), "abc=");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`IdError::Empty`] for `""`, [`IdError::TooLong`] past [`MAX_LEN`](Self::MAX_LEN) bytes,
    /// [`IdError::Format`] for `"a b"`, a control character or any non-ASCII character.
    pub fn parse(input: &str) -> Result<PageToken, IdError> {
        let what = IdKind::PageToken;
        let token = prepare(input, what, Self::MAX_LEN)?;
        if !token.bytes().all(|b| b.is_ascii_graphic()) {
            return Err(format_error(what, token));
        }
        Ok(PageToken(token.into()))
    }
}

id_surface!(PageToken);
