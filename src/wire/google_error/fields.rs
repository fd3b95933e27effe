//! Layer 4, wire: the form fields a Google error can concern, found from its field paths and its text.

use super::kind::GoogleErrorKind;
use crate::wire::Call;
use crate::wire::status::cut;

/// The most characters of Google's own text a message quotes.
pub(super) const QUOTE_CHARS: usize = 64;
/// The most entries of a Reseller `errors` list kept.
pub(super) const MAX_ERRORS: usize = 16;
/// The most bytes of Google's text searched for a field name.
pub(super) const SCAN_BYTES: usize = 512;
/// The longest field path mapped to a form field.
pub(super) const MAX_PATH: usize = 128;

/// A form field a Google error can concern: its path and its words in both languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct FormField {
    pub(super) path: &'static str,
    pub(super) en: &'static str,
    pub(super) fr: &'static str,
}

macro_rules! form_fields {
    ($($name:ident = $path:literal, $en:literal, $fr:literal;)*) => {
        $(pub(super) const $name: FormField = FormField { path: $path, en: $en, fr: $fr };)*
        /// Every form field a Google error can be mapped to.
        #[cfg(test)]
        pub(super) const FORM_FIELDS: &[FormField] = &[$($name),*];
    };
}

form_fields! {
    DOMAIN = "domain", "the primary domain", "le domaine principal";
    SECONDARY_EMAIL = "secondaryEmail", "the secondary email address", "l'adresse e-mail secondaire";
    ADMIN_EMAIL = "admin.email", "the admin's email address", "l'adresse e-mail de l'administrateur";
    ADMIN_FIRST_NAME = "admin.firstName", "the admin's first name", "le prénom de l'administrateur";
    ADMIN_LAST_NAME = "admin.lastName", "the admin's last name", "le nom de l'administrateur";
    ORGANIZATION_NAME = "organizationName", "the organisation name", "le nom de l'organisation";
    PHONE_NUMBER = "phoneNumber", "the phone number", "le numéro de téléphone";
    LANGUAGE_CODE = "languageCode", "the language", "la langue";
    CRM_ID = "crmId", "the CRM id", "l'identifiant CRM";
    CUSTOMER_TYPE = "customerType", "the customer type", "le type de client";
    INSTITUTE_TYPE = "educationalInstitution.instituteType", "the type of institution", "le type d'établissement";
    INSTITUTE_SIZE = "educationalInstitution.instituteSize", "the size of the institution", "la taille de l'établissement";
    INSTITUTE_WEBSITE = "educationalInstitution.website", "the institution's website", "le site web de l'établissement";
    CONTACT_NAME = "postalAddress.contactName", "the contact name", "le nom du contact";
    ADDRESS_ORGANIZATION = "postalAddress.organizationName", "the organisation name of the address", "le nom de l'organisation dans l'adresse";
    ADDRESS_LINE1 = "postalAddress.addressLine1", "the address", "l'adresse";
    ADDRESS_LINE2 = "postalAddress.addressLine2", "the address's second line", "la deuxième ligne de l'adresse";
    ADDRESS_LINE3 = "postalAddress.addressLine3", "the address's third line", "la troisième ligne de l'adresse";
    LOCALITY = "postalAddress.locality", "the city", "la ville";
    REGION = "postalAddress.region", "the region", "la région";
    POSTAL_CODE = "postalAddress.postalCode", "the postal code", "le code postal";
    COUNTRY_CODE = "postalAddress.countryCode", "the country", "le pays";
    ORDER_PRODUCT = "order.product", "the product ordered", "le produit commandé";
    ORDER_SEATS = "order.seats", "the number of licences", "le nombre de licences";
    ORDER_PLAN = "order.plan", "the plan", "le forfait";
    ORDER_PURCHASE_ORDER = "order.purchaseOrderId", "the purchase order number", "le numéro de bon de commande";
    ORDER_DEAL_CODE = "order.dealCode", "the deal code", "le code de l'offre négociée";
    ORDER_OFFER = "order.offer", "the Channel offer", "l'offre Channel";
}

/// Google's field paths (camelCase, after [`normalise`]) and the form field each concerns:
/// Reseller `location`s and Cloud Channel `fieldViolations[].field`s.
pub(super) const FIELD_PATHS: &[(&str, FormField)] = &[
    // Both APIs.
    ("alternateEmail", SECONDARY_EMAIL),
    ("phoneNumber", PHONE_NUMBER),
    ("customerType", CUSTOMER_TYPE),
    ("purchaseOrderId", ORDER_PURCHASE_ORDER),
    // Reseller API.
    ("customerDomain", DOMAIN),
    ("primaryAdmin.primaryEmail", ADMIN_EMAIL),
    ("primaryAdmin", ADMIN_EMAIL),
    ("postalAddress.contactName", CONTACT_NAME),
    ("postalAddress.organizationName", ADDRESS_ORGANIZATION),
    ("postalAddress.addressLine1", ADDRESS_LINE1),
    ("postalAddress.addressLine2", ADDRESS_LINE2),
    ("postalAddress.addressLine3", ADDRESS_LINE3),
    ("postalAddress.locality", LOCALITY),
    ("postalAddress.region", REGION),
    ("postalAddress.postalCode", POSTAL_CODE),
    ("postalAddress.countryCode", COUNTRY_CODE),
    ("skuId", ORDER_PRODUCT),
    ("plan.planName", ORDER_PLAN),
    ("plan", ORDER_PLAN),
    ("seats.numberOfSeats", ORDER_SEATS),
    ("seats.maximumNumberOfSeats", ORDER_SEATS),
    ("seats", ORDER_SEATS),
    ("dealCode", ORDER_DEAL_CODE),
    // Cloud Channel API.
    ("domain", DOMAIN),
    ("orgDisplayName", ORGANIZATION_NAME),
    ("languageCode", LANGUAGE_CODE),
    ("correlationId", CRM_ID),
    ("primaryAdminEmail", ADMIN_EMAIL),
    ("primaryContactInfo.email", ADMIN_EMAIL),
    ("primaryContactInfo.firstName", ADMIN_FIRST_NAME),
    ("primaryContactInfo.lastName", ADMIN_LAST_NAME),
    ("primaryContactInfo.phone", PHONE_NUMBER),
    ("primaryContactInfo", ADMIN_EMAIL),
    ("orgPostalAddress.regionCode", COUNTRY_CODE),
    ("orgPostalAddress.postalCode", POSTAL_CODE),
    ("orgPostalAddress.administrativeArea", REGION),
    ("orgPostalAddress.locality", LOCALITY),
    ("orgPostalAddress.addressLines", ADDRESS_LINE1),
    ("orgPostalAddress.addressLines.0", ADDRESS_LINE1),
    ("orgPostalAddress.addressLines.1", ADDRESS_LINE2),
    ("orgPostalAddress.addressLines.2", ADDRESS_LINE3),
    ("orgPostalAddress.recipients", CONTACT_NAME),
    ("orgPostalAddress.organization", ADDRESS_ORGANIZATION),
    ("cloudIdentityInfo.customerType", CUSTOMER_TYPE),
    ("cloudIdentityInfo.alternateEmail", SECONDARY_EMAIL),
    ("cloudIdentityInfo.phoneNumber", PHONE_NUMBER),
    ("cloudIdentityInfo.languageCode", LANGUAGE_CODE),
    ("cloudIdentityInfo.eduData.instituteType", INSTITUTE_TYPE),
    ("cloudIdentityInfo.eduData.instituteSize", INSTITUTE_SIZE),
    ("cloudIdentityInfo.eduData.website", INSTITUTE_WEBSITE),
    ("cloudIdentityInfo.eduData", INSTITUTE_TYPE),
    ("user.email", ADMIN_EMAIL),
    ("user.givenName", ADMIN_FIRST_NAME),
    ("user.familyName", ADMIN_LAST_NAME),
    ("user", ADMIN_EMAIL),
    ("entitlement.offer", ORDER_OFFER),
    ("entitlement.purchaseOrderId", ORDER_PURCHASE_ORDER),
    ("entitlement.parameters", ORDER_SEATS),
    ("entitlement.commitmentSettings", ORDER_PLAN),
    ("offer", ORDER_OFFER),
];

/// Google's field path in camelCase with dotted segments: `customer.org_postal_address.
/// address_lines[1]` becomes `orgPostalAddress.addressLines.1` (a leading `customer.` is the
/// request's name for the body and is dropped). `None` when longer than [`MAX_PATH`] bytes
/// or not made of ASCII letters, digits, `_`, `.`, `[` and `]`.
pub(super) fn normalise(path: &str) -> Option<String> {
    let path = path.trim();
    if path.is_empty()
        || path.len() > MAX_PATH
        || !path
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'.' | b'[' | b']'))
    {
        return None;
    }
    let mut out = String::with_capacity(path.len());
    let mut upper = false;
    for b in path.bytes() {
        match b {
            b'_' => upper = !out.is_empty() && !out.ends_with('.'),
            b'[' | b'.' => {
                if !out.is_empty() && !out.ends_with('.') {
                    out.push('.');
                }
                upper = false;
            }
            b']' => upper = false,
            _ if upper => {
                out.push(char::from(b.to_ascii_uppercase()));
                upper = false;
            }
            _ => out.push(char::from(b)),
        }
    }
    let out = out.trim_end_matches('.');
    Some(out.strip_prefix("customer.").unwrap_or(out).to_owned())
}

/// The form field a Google field path concerns: the longest known prefix of the path.
pub(super) fn form_field_of_path(path: &str) -> Option<FormField> {
    let mut path = normalise(path)?;
    loop {
        if let Some((_, field)) = FIELD_PATHS.iter().find(|(p, _)| *p == path) {
            return Some(*field);
        }
        let cut_at = path.rfind('.')?;
        path.truncate(cut_at);
    }
}

/// The form field Google's text names, for the known Reseller messages (searching the first
/// [`SCAN_BYTES`] bytes, ASCII case folded).
pub(super) fn form_field_of_text(text: &str) -> Option<FormField> {
    let text = cut(text, SCAN_BYTES).to_ascii_lowercase();
    let has = |needle: &str| text.contains(needle);
    if has("alternateemail") || has("alternate email") || has("alternate_email") {
        Some(SECONDARY_EMAIL)
    } else if has("postal code") || has("postalcode") || has("postal_code") || has("zip code") {
        Some(POSTAL_CODE)
    } else if has("country") || has("region code") || has("regioncode") {
        Some(COUNTRY_CODE)
    } else if has("customerdomain") || (has("domain") && has("primary contact")) {
        // Channel `customers.create`: the domain must match the primary contact's email.
        Some(DOMAIN)
    } else if has("phone") {
        Some(PHONE_NUMBER)
    } else if has("primary email") || has("primaryemail") || has("admin email") {
        Some(ADMIN_EMAIL)
    } else {
        None
    }
}

/// A known situation that gets its own advice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Hint {
    /// The secondary address is on the customer's domain (Reseller 400 `invalid`).
    SecondaryOnDomain,
    /// The postal code does not fit the country.
    PostalCode,
    /// The country cannot be resold to.
    Country,
    /// `provisionCloudIdentity`: a Cloud Identity account already exists for the domain.
    IdentityForDomain,
}

/// A field Google names is a field of the customer form (or its order); a call-specific
/// default when Google names none.
pub(super) fn default_field(kind: GoogleErrorKind, call: Call) -> Option<FormField> {
    match (kind, call) {
        (
            GoogleErrorKind::AlreadyExists,
            Call::ResellerCustomersInsert | Call::ChannelCustomersCreate,
        ) => Some(DOMAIN),
        (GoogleErrorKind::AlreadyExists, Call::ChannelCustomersProvisionCloudIdentity) => {
            Some(ADMIN_EMAIL)
        }
        (
            GoogleErrorKind::AlreadyExists,
            Call::ChannelEntitlementsCreate | Call::ResellerSubscriptionsInsert,
        ) => Some(ORDER_PRODUCT),
        _ => None,
    }
}
