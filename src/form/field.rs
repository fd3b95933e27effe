//! Layer 4, form: the form's fields, each with its JSON path, EN and FR names, gender and byte
//! cap: the one table every message and reader of the form uses.

use std::fmt;

use crate::customer::{CrmId, OrganizationName, PersonName, Website};
use crate::email::{self};
use crate::error::{Gender, Lang, TrimExt};
use crate::order::{self};

/// A field of the form that holds one value (the postal address's fields are
/// [`AddressField`](crate::address::AddressField)s): its JSON path, the most characters it may hold, and its name in English
/// and French, side by side in one table row.
///
/// ```
/// use gws_onboarding::{Lang, form::Field};
///
/// assert_eq!(Field::SecondaryEmail.path(), "secondaryEmail");
/// assert_eq!(Field::SecondaryEmail.name(Lang::Fr), "l'adresse e-mail secondaire");
/// assert_eq!(Field::Domain.max_chars(), 253);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Field {
    /// `customerType`.
    CustomerType,
    /// `productFamily`.
    ProductFamily,
    /// `edition`.
    Edition,
    /// `educationalInstitution.instituteType`.
    InstituteType,
    /// `educationalInstitution.instituteSize`.
    InstituteSize,
    /// `educationalInstitution.website`.
    Website,
    /// `organizationName`.
    OrganizationName,
    /// `domain`.
    Domain,
    /// `phoneNumber`.
    PhoneNumber,
    /// `admin.email`.
    AdminEmail,
    /// `admin.firstName`.
    AdminFirstName,
    /// `admin.lastName`.
    AdminLastName,
    /// `secondaryEmail`.
    SecondaryEmail,
    /// `languageCode`.
    LanguageCode,
    /// `crmId`.
    CrmId,
    /// `order.product`.
    OrderProduct,
    /// `order.seats`.
    OrderSeats,
    /// `order.plan`.
    OrderPlan,
    /// `order.purchaseOrderId`.
    OrderPurchaseOrderId,
    /// `order.dealCode`.
    OrderDealCode,
    /// `order.offer`.
    OrderOffer,
}

/// The fewest bytes a field is read up to. A value up to this size, however far past the
/// field's limit, goes to the field's own parser, which refuses it with its own code
/// (`text.too_long`, `email.too_long`, `order.too_long`, …); only a value past every field's
/// limit by far is refused unread as `form.too_long`. Reading 4 KiB costs about a microsecond.
pub(super) const MIN_FIELD_BYTES: usize = 4096;

/// One row of [`FIELDS`]: a field's path, its limit, and its name in both languages with the
/// gender French words agree with.
pub(super) struct FieldRow {
    field: Field,
    path: &'static str,
    max_chars: usize,
    en: &'static str,
    fr: &'static str,
    gender: Gender,
}

/// Every [`Field`], in the form's order.
pub(super) const FIELDS: [FieldRow; 21] = {
    use Gender::{Feminine as F, Masculine as M};
    const fn row(
        field: Field,
        path: &'static str,
        max_chars: usize,
        en: &'static str,
        fr: &'static str,
        gender: Gender,
    ) -> FieldRow {
        FieldRow {
            field,
            path,
            max_chars,
            en,
            fr,
            gender,
        }
    }
    [
        row(
            Field::CustomerType,
            "customerType",
            64,
            "the customer type",
            "le type de client",
            M,
        ),
        row(
            Field::ProductFamily,
            "productFamily",
            64,
            "the product family",
            "la famille de produits",
            F,
        ),
        row(
            Field::Edition,
            "edition",
            128,
            "the edition",
            "l'édition",
            F,
        ),
        row(
            Field::InstituteType,
            "educationalInstitution.instituteType",
            64,
            "the institute type",
            "le type d'établissement",
            M,
        ),
        row(
            Field::InstituteSize,
            "educationalInstitution.instituteSize",
            64,
            "the institute size",
            "la taille de l'établissement",
            F,
        ),
        row(
            Field::Website,
            "educationalInstitution.website",
            Website::MAX_CHARS,
            "the institution's website",
            "le site web de l'établissement",
            M,
        ),
        row(
            Field::OrganizationName,
            "organizationName",
            OrganizationName::MAX_CHARS,
            "the organisation name",
            "le nom de l'organisation",
            M,
        ),
        row(Field::Domain, "domain", 253, "the domain", "le domaine", M),
        row(
            Field::PhoneNumber,
            "phoneNumber",
            crate::phone::MAX_INPUT_LEN,
            "the phone number",
            "le numéro de téléphone",
            M,
        ),
        row(
            Field::AdminEmail,
            "admin.email",
            email::MAX_EMAIL,
            "the admin's email address",
            "l'adresse e-mail de l'administrateur",
            F,
        ),
        row(
            Field::AdminFirstName,
            "admin.firstName",
            PersonName::MAX_CHARS,
            "the admin's first name",
            "le prénom de l'administrateur",
            M,
        ),
        row(
            Field::AdminLastName,
            "admin.lastName",
            PersonName::MAX_CHARS,
            "the admin's last name",
            "le nom de l'administrateur",
            M,
        ),
        row(
            Field::SecondaryEmail,
            "secondaryEmail",
            email::MAX_EMAIL,
            "the secondary email address",
            "l'adresse e-mail secondaire",
            F,
        ),
        row(
            Field::LanguageCode,
            "languageCode",
            crate::language::MAX_LEN,
            "the language code",
            "le code de langue",
            M,
        ),
        row(
            Field::CrmId,
            "crmId",
            CrmId::MAX_CHARS,
            "the CRM ID",
            "l'ID CRM",
            M,
        ),
        row(
            Field::OrderProduct,
            "order.product",
            128,
            "the product of the order",
            "le produit de la commande",
            M,
        ),
        row(
            Field::OrderSeats,
            "order.seats",
            32,
            "the number of seats of the order",
            "le nombre de licences de la commande",
            M,
        ),
        row(
            Field::OrderPlan,
            "order.plan",
            32,
            "the plan of the order",
            "le forfait de la commande",
            M,
        ),
        row(
            Field::OrderPurchaseOrderId,
            "order.purchaseOrderId",
            order::MAX_PURCHASE_ORDER_ID_CHARS,
            "the purchase order number",
            "le numéro de bon de commande",
            M,
        ),
        row(
            Field::OrderDealCode,
            "order.dealCode",
            order::MAX_DEAL_CODE_CHARS,
            "the deal code",
            "le code d'accord",
            M,
        ),
        row(
            Field::OrderOffer,
            "order.offer",
            256,
            "the offer",
            "l'offre",
            F,
        ),
    ]
};

impl Field {
    /// Every field, in the form's order.
    ///
    /// ```
    /// use gws_onboarding::form::Field;
    /// assert_eq!(Field::ALL.first(), Some(&Field::CustomerType));
    /// ```
    pub const ALL: [Field; 21] = {
        let mut all = [Field::CustomerType; 21];
        let mut i = 0;
        while i < FIELDS.len() {
            all[i] = FIELDS[i].field;
            i += 1;
        }
        all
    };

    pub(super) const fn row(self) -> &'static FieldRow {
        // `FIELDS` lists the variants in declaration order (pinned by a test).
        &FIELDS[self as usize]
    }

    /// The field's path in the form's JSON, as [`Violation::field`](crate::Violation::field) gives it.
    ///
    /// ```
    /// assert_eq!(gws_onboarding::form::Field::AdminEmail.path(), "admin.email");
    /// ```
    #[must_use]
    pub const fn path(self) -> &'static str {
        self.row().path
    }

    /// The most characters the field may hold. A value of more bytes than four times as many,
    /// plus 64 for surrounding white space (and more than 4 KiB), is refused before it is read
    /// or trimmed (`form.too_long`), whatever it holds; a shorter one is left to the field's
    /// own parser, which counts its characters and reports its own code (`text.too_long`, …).
    ///
    /// ```
    /// assert_eq!(gws_onboarding::form::Field::AdminFirstName.max_chars(), 60);
    /// ```
    #[must_use]
    pub const fn max_chars(self) -> usize {
        self.row().max_chars
    }

    /// The most bytes a value may have to be read at all: four bytes a character plus room
    /// for surrounding white space, and never less than [`MIN_FIELD_BYTES`].
    pub(super) const fn max_bytes(self) -> usize {
        let bytes = self.max_chars() * 4 + 64;
        if bytes < MIN_FIELD_BYTES {
            MIN_FIELD_BYTES
        } else {
            bytes
        }
    }

    /// The field's name in `lang`, with its article: `the domain`, `le domaine`.
    ///
    /// ```
    /// use gws_onboarding::{Lang, form::Field};
    /// assert_eq!(Field::Edition.name(Lang::En), "the edition");
    /// assert_eq!(Field::Edition.name(Lang::Fr), "l'édition");
    /// ```
    #[must_use]
    pub fn name(self, lang: Lang) -> &'static str {
        let row = self.row();
        lang.pick(row.en, row.fr)
    }

    /// The gender of the French name, which participles and adjectives agree with.
    pub(crate) const fn gender(self) -> Gender {
        self.row().gender
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.path())
    }
}

/// The most bytes of white space read to decide that a field is blank: a longer value is not
/// blank (and is then refused by its length), so that no field costs unbounded trimming.
pub(super) const MAX_BLANK_BYTES: usize = MIN_FIELD_BYTES;

/// Whether a value is absent or only white space, reading at most [`MAX_BLANK_BYTES`].
pub(super) fn blank(value: Option<&str>) -> bool {
    value.is_none_or(|v| v.len() <= MAX_BLANK_BYTES && v.trim_fast().is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::form::outcome::{FORM_ORDER, form_rank};

    #[test]
    fn field_table_follows_the_enum_and_the_form_order() {
        for (i, row) in FIELDS.iter().enumerate() {
            assert_eq!(row.field as usize, i, "{}", row.path);
            assert_eq!(Field::ALL[i], row.field);
        }
        let ranks: Vec<usize> = FIELDS.iter().map(|row| form_rank(row.path)).collect();
        assert!(ranks.windows(2).all(|w| w[0] < w[1]), "{ranks:?}");
        assert!(ranks.iter().all(|&r| r < FORM_ORDER.len()));
    }
}
