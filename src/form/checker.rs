//! Layer 4, form: the checker that reads every field of a form, then the rules between them,
//! and collects every violation in one [`Report`].

use std::borrow::Cow;

use crate::address::AddressError;
use crate::address::{AddressField, PostalAddress};
use crate::country::{CountryCode, CountryError};
use crate::customer::{
    AdminContact, CrmId, Customer, CustomerKind, Education, InstituteSize, InstituteType,
    OrganizationName, PersonName, Website,
};
use crate::domain::PrimaryDomain;
use crate::eligibility::{self, Ineligibility};
use crate::email::{self, EmailAddress};
use crate::error::{TrimExt, snippet};
use crate::language::LanguageCode;
use crate::order::{self, DealCode, OfferName, Order, OrderContext, Plan, PurchaseOrderId};
use crate::phone::{ExtensionNotSent, PhoneNumber, split_extension};
use crate::product::{Edition, Product, ProductFamily};

use super::field::{Field, blank};
use super::input::InputTypeError;
use super::input::{InputProblems, UnknownField};
use super::outcome::{Outcome, form_rank};
use super::policy::Policy;
use super::problem::{FormError, Problem};
use super::raw::{OnboardingForm, RawEducation, RawOrder};
use crate::report::Report;

/// A value of an impossible type, and whether it is in the report yet.
pub(super) struct Pending {
    path: &'static str,
    error: InputTypeError,
    reported: bool,
}

/// Validated parts, gathered as the form is read.
pub(super) struct Checker<'p> {
    policy: &'p Policy,
    report: Report,
    /// The form's JSON keys that name no field.
    unknown: &'p [UnknownField],
    /// The form's input problems, reported where their field is checked.
    pending: Vec<Pending>,
}

impl<'p> Checker<'p> {
    pub(super) fn new(policy: &'p Policy, problems: &'p InputProblems) -> Self {
        Checker {
            policy,
            report: Report::default(),
            unknown: problems.unknown_slice(),
            pending: problems
                .iter()
                .map(|(path, error)| Pending {
                    path,
                    error: *error,
                    reported: false,
                })
                .collect(),
        }
    }

    /// Whether `field` (or an object holding it) had a value of an impossible type; reports the
    /// problem the first time. Such a field is not checked further.
    #[inline]
    pub(super) fn input(&mut self, field: &str) -> bool {
        if self.pending.is_empty() {
            return false;
        }
        self.input_slow(field)
    }

    #[inline(never)]
    pub(super) fn input_slow(&mut self, field: &str) -> bool {
        let mut hit = false;
        for pending in &mut self.pending {
            let covers = field
                .strip_prefix(pending.path)
                .is_some_and(|rest| rest.is_empty() || rest.starts_with('.'));
            if covers {
                hit = true;
                if !pending.reported {
                    pending.reported = true;
                    self.report
                        .push(pending.path, Problem::Input(pending.error));
                }
            }
        }
        hit
    }

    /// Whether `field` had a value of an impossible type, without reporting it.
    pub(super) fn had_input(&self, field: &str) -> bool {
        self.pending.iter().any(|p| p.path == field)
    }

    pub(super) fn required(&mut self, field: Field) {
        self.report
            .push(field.path(), Problem::Form(FormError::Required { field }));
    }

    /// Parses an optional field: blank counts as absent. A value of more bytes than
    /// [`Field::max_bytes`] is refused unread, so that no field costs more than a bounded
    /// amount of work whatever its parser does.
    pub(super) fn optional<T, E>(
        &mut self,
        field: Field,
        value: Option<&str>,
        parse: impl FnOnce(&str) -> Result<T, E>,
        wrap: impl FnOnce(E) -> Problem,
    ) -> Option<T> {
        if self.input(field.path()) {
            return None;
        }
        let value = value?;
        if value.len() > field.max_bytes() {
            self.report
                .push(field.path(), Problem::Form(FormError::TooLong { field }));
            return None;
        }
        if value.trim_fast().is_empty() {
            return None;
        }
        match parse(value) {
            Ok(v) => Some(v),
            Err(e) => {
                self.report.push(field.path(), wrap(e));
                None
            }
        }
    }

    /// Parses a required field.
    pub(super) fn required_value<T, E>(
        &mut self,
        field: Field,
        value: &str,
        parse: impl FnOnce(&str) -> Result<T, E>,
        wrap: impl FnOnce(E) -> Problem,
    ) -> Option<T> {
        if self.input(field.path()) {
            return None;
        }
        if blank(Some(value)) {
            self.required(field);
            return None;
        }
        self.optional(field, Some(value), parse, wrap)
    }

    #[allow(clippy::too_many_lines)] // one pass over the form's fields, in their order
    /// Checks the whole form: one short section per part of it, then the customer when no
    /// section found an error, and the report in the form's field order.
    pub(super) fn run(mut self, form: &OnboardingForm) -> Outcome {
        let kind = self.kind_part(form);
        let identity = self.identity_part(form, kind.is_team());
        let contacts = self.contacts_part(form, kind.is_team(), &identity);
        let details = self.details_part(form, &identity, &contacts);
        let order = self.order_part(form, &kind);
        self.report_leftover_inputs();
        self.report_unknown_fields();
        let customer = if self.report.has_errors() {
            None
        } else {
            build_customer(kind, identity, contacts, details, order)
        };
        // The form's field order ([`FORM_ORDER`]), keeping the order in which violations were
        // found within one field; paths the list does not know come last.
        self.report.violations.sort_by_key(|v| form_rank(v.field()));
        Outcome {
            customer,
            report: self.report,
        }
    }

    /// Customer type, product family, edition, education, preconditions: what kind of customer
    /// this is.
    fn kind_part(&mut self, form: &OnboardingForm) -> KindPart {
        let kind = self.required_value(
            Field::CustomerType,
            &form.customer_type,
            str::parse::<CustomerKind>,
            Problem::Value,
        );
        let family = if self.input("productFamily") {
            None
        } else if blank(Some(&form.product_family)) {
            Some(ProductFamily::GoogleWorkspace)
        } else {
            self.optional(
                Field::ProductFamily,
                Some(&form.product_family),
                str::parse::<ProductFamily>,
                Problem::Product,
            )
        };
        let family = family.and_then(|f| {
            if matches!(
                f,
                ProductFamily::GoogleWorkspace | ProductFamily::CloudIdentity
            ) {
                Some(f)
            } else {
                self.report.push(
                    "productFamily",
                    Problem::Form(FormError::MainFamily { family: f }),
                );
                None
            }
        });
        let edition = self.optional(
            Field::Edition,
            form.edition.as_deref(),
            str::parse::<Edition>,
            Problem::Product,
        );
        let education = if self.input("educationalInstitution") {
            None
        } else {
            form.educational_institution
                .as_ref()
                .map(|raw| self.education(raw))
        };
        self.input("hasWorkspaceForNonprofits");
        self.input("hasLegacyFreeEdition");
        for reason in eligibility::check_preconditions(&form.preconditions()) {
            let field = match reason {
                Ineligibility::Nonprofits => "hasWorkspaceForNonprofits",
                _ => "hasLegacyFreeEdition",
            };
            self.report.push(field, Problem::Eligibility(reason));
        }
        if let (Some(kind), Some(family)) = (kind, family) {
            let edu = form.educational_institution.is_some();
            for reason in eligibility::check_kind(kind, family, edition, edu) {
                let field = match reason {
                    Ineligibility::TeamFamily { .. } => "productFamily",
                    _ => "edition",
                };
                self.report.push(field, Problem::Eligibility(reason));
            }
        }
        // "Établissement d'enseignement" typed as the customer type: a school, so its
        // institution type is needed.
        if kind.is_some()
            && form.educational_institution.is_none()
            && crate::customer::names_education(&form.customer_type)
            && !self.had_input("educationalInstitution")
        {
            self.required(Field::InstituteType);
        }
        let is_team = kind == Some(CustomerKind::Team);
        // The team kind exists only for the Essentials family: say which one.
        if is_team && blank(form.edition.as_deref()) && !self.had_input("edition") {
            self.required(Field::Edition);
        }
        KindPart {
            kind,
            family,
            edition,
            education: education.flatten(),
            school: form.educational_institution.is_some(),
        }
    }

    /// The organisation's name, the admin's address and the primary domain (a team's comes
    /// from the admin's address).
    fn identity_part(&mut self, form: &OnboardingForm, is_team: bool) -> IdentityPart {
        let organization = self.required_value(
            Field::OrganizationName,
            &form.organization_name,
            OrganizationName::parse,
            Problem::Text,
        );
        let admin_email = self.required_value(
            Field::AdminEmail,
            &form.admin.email,
            |e| EmailAddress::parse_with(e, self.policy.domain_rules.list()),
            Problem::Email,
        );
        let domain_unreadable = self.input("domain");
        let domain = if is_team {
            let entered = if domain_unreadable { "" } else { &form.domain };
            self.team_domain(entered, admin_email.as_ref())
        } else if domain_unreadable {
            None
        } else if blank(Some(&form.domain)) {
            self.report.push(
                "domain",
                Problem::Eligibility(Ineligibility::NoRegisteredDomain),
            );
            None
        } else {
            self.optional(
                Field::Domain,
                Some(&form.domain),
                |d| PrimaryDomain::parse_with(d, &self.policy.domain_rules),
                Problem::Domain,
            )
        };
        IdentityPart {
            organization,
            admin_email,
            domain,
        }
    }

    /// The admin's names, the rule between the admin's address and the domain, and the
    /// secondary address with its rules.
    fn contacts_part(
        &mut self,
        form: &OnboardingForm,
        is_team: bool,
        identity: &IdentityPart,
    ) -> ContactsPart {
        let (domain, admin_email) = (&identity.domain, &identity.admin_email);
        let names_required = !is_team && self.policy.require_admin_name;
        let first_name = self.name(
            Field::AdminFirstName,
            form.admin.first_name.as_deref(),
            names_required,
        );
        let last_name = self.name(
            Field::AdminLastName,
            form.admin.last_name.as_deref(),
            names_required,
        );
        if let (Some(domain), Some(admin), false) = (domain, admin_email, is_team) {
            if let Err(e) = email::check_admin_email(domain, admin) {
                self.report.push("admin.email", Problem::Rule(e));
            }
        }
        let secondary_unreadable = self.input("secondaryEmail");
        let secondary = match form
            .secondary_email
            .as_deref()
            .filter(|s| !blank(Some(s)) && !secondary_unreadable)
        {
            None if secondary_unreadable => None,
            None if !is_team => {
                self.required(Field::SecondaryEmail);
                None
            }
            None => None,
            Some(raw) => self.optional(
                Field::SecondaryEmail,
                Some(raw),
                |e| EmailAddress::parse_with(e, self.policy.domain_rules.list()),
                Problem::Email,
            ),
        };
        if let Some(secondary) = &secondary {
            // The admin is in the primary domain, so the same address would break the domain
            // rule too: report only the more specific violation.
            let distinct = admin_email
                .as_ref()
                .map_or(Ok(()), |admin| email::check_distinct(admin, secondary));
            match (distinct, domain) {
                (Err(e), _) => self.report.push("secondaryEmail", Problem::Rule(e)),
                (Ok(()), Some(domain)) => match email::check_secondary_email(domain, secondary) {
                    Err(e) => self.report.push("secondaryEmail", Problem::Rule(e)),
                    Ok(Some(w)) => self.report.push("secondaryEmail", Problem::RuleWarning(w)),
                    Ok(None) => {}
                },
                (Ok(()), None) => {}
            }
        }
        ContactsPart {
            first_name,
            last_name,
            secondary,
        }
    }

    /// The phone number: a national one is read with the postal address's country (the
    /// typed one when the address is refused), and an extension is split off with a warning.
    fn phone(
        &mut self,
        form: &OnboardingForm,
        address: Option<&PostalAddress>,
    ) -> Option<PhoneNumber> {
        let country = address
            .map(PostalAddress::country_code)
            .or_else(|| CountryCode::parse(&form.postal_address.country_code).ok());
        let mut extension = None;
        let phone = self.optional(
            Field::PhoneNumber,
            form.phone_number.as_deref(),
            |value| {
                let (number, ext) = split_extension(value);
                extension = ext.map(ExtensionNotSent::new);
                PhoneNumber::parse_in(number, country)
            },
            Problem::Phone,
        );
        if let (Some(_), Some(warning)) = (&phone, extension) {
            self.report
                .push(Field::PhoneNumber.path(), Problem::PhoneExtension(warning));
        }
        phone
    }

    /// The postal address, phone number, language and CRM id.
    fn details_part(
        &mut self,
        form: &OnboardingForm,
        identity: &IdentityPart,
        contacts: &ContactsPart,
    ) -> DetailsPart {
        let postal_address = self.postal_address(
            form,
            identity.organization.as_ref(),
            contacts.first_name.as_ref(),
            contacts.last_name.as_ref(),
        );
        let phone = if self.input("phoneNumber") {
            None
        } else if self.policy.require_phone && blank(form.phone_number.as_deref()) {
            self.required(Field::PhoneNumber);
            None
        } else {
            self.phone(form, postal_address.as_ref())
        };
        let language = self.optional(
            Field::LanguageCode,
            form.language_code.as_deref(),
            LanguageCode::parse,
            Problem::Language,
        );
        let crm_id = self.optional(
            Field::CrmId,
            form.crm_id.as_deref(),
            CrmId::parse,
            Problem::Text,
        );
        DetailsPart {
            postal_address,
            phone,
            language,
            crm_id,
        }
    }

    /// The `order` object, checked with what the form says of the customer.
    fn order_part(&mut self, form: &OnboardingForm, kind: &KindPart) -> Option<Order> {
        let buyer = OrderContext {
            kind: kind.kind,
            family: kind.family,
            school: kind.school,
            edition: kind.edition,
        };
        if self.input("order") {
            None
        } else {
            form.order
                .as_ref()
                .filter(|raw| {
                    !raw.is_blank() || self.pending.iter().any(|p| p.path.starts_with("order."))
                })
                .and_then(|raw| self.order(raw, buyer))
        }
    }

    /// Any impossible-type problem not met on the way (none today) is still reported.
    /// Every JSON key that names no field: a warning, or an error when the policy says so.
    fn report_unknown_fields(&mut self) {
        for unknown in self.unknown {
            self.report.push(
                unknown.path().to_owned(),
                Problem::Form(FormError::UnknownField {
                    path: unknown.path().to_owned(),
                    nearest: unknown.nearest(),
                    refused: self.policy.refuse_unknown_fields,
                }),
            );
        }
    }

    fn report_leftover_inputs(&mut self) {
        for pending in self.pending.iter_mut().filter(|p| !p.reported) {
            pending.reported = true;
            self.report
                .push(pending.path, Problem::Input(pending.error));
        }
    }

    pub(super) fn name(
        &mut self,
        field: Field,
        value: Option<&str>,
        required: bool,
    ) -> Option<PersonName> {
        if self.input(field.path()) {
            return None;
        }
        if required && blank(value) {
            self.required(field);
            return None;
        }
        self.optional(field, value, PersonName::parse, Problem::Text)
    }

    /// The `order` object: each value read, then the order's rules, each violation on its
    /// `order.*` field. The order, when every value and rule passes.
    pub(super) fn order(&mut self, raw: &RawOrder, buyer: OrderContext) -> Option<Order> {
        use crate::order::OrderField as F;
        let first = self.report.violations.len();
        let order = self.order_values(raw, buyer);
        // Values are read before the rules between them run: put the violations back in the
        // order of the fields.
        if let Some(found) = self.report.violations.get_mut(first..) {
            found.sort_by_key(|v| F::ALL.iter().position(|f| f.form_path() == v.field()));
        }
        order
    }

    pub(super) fn order_values(&mut self, raw: &RawOrder, buyer: OrderContext) -> Option<Order> {
        let product = self.required_value(
            Field::OrderProduct,
            &raw.product,
            str::parse::<Product>,
            Problem::Product,
        );
        let seats = if self.input(Field::OrderSeats.path()) {
            None
        } else if blank(raw.seats.as_deref()) {
            self.required(Field::OrderSeats);
            None
        } else {
            self.optional(
                Field::OrderSeats,
                raw.seats.as_deref(),
                order::parse_seats,
                Problem::Order,
            )
        };
        let plan = if self.input(Field::OrderPlan.path()) {
            None
        } else if blank(raw.plan.as_deref()) {
            Some(Plan::default())
        } else {
            self.optional(
                Field::OrderPlan,
                raw.plan.as_deref(),
                str::parse::<Plan>,
                Problem::Order,
            )
        };
        let purchase_order_id = self.optional(
            Field::OrderPurchaseOrderId,
            raw.purchase_order_id.as_deref(),
            PurchaseOrderId::parse,
            Problem::Order,
        );
        let deal_code = self.optional(
            Field::OrderDealCode,
            raw.deal_code.as_deref(),
            DealCode::parse,
            Problem::Order,
        );
        let offer = self.optional(
            Field::OrderOffer,
            raw.offer.as_deref(),
            OfferName::parse,
            Problem::Order,
        );
        let mut valid = true;
        for (field, problem) in order::form_problems(buyer, product, seats, plan) {
            valid = false;
            let problem = match problem {
                order::OrderProblem::Order(e) => Problem::Order(e),
                order::OrderProblem::Eligibility(e) => Problem::Eligibility(e),
            };
            self.report.push(field.form_path(), problem);
        }
        let mut order = Order::new(product?, seats?, plan?).ok().filter(|_| valid)?;
        if let Some(id) = purchase_order_id {
            order = order.with_purchase_order_id(id);
        }
        if let Some(code) = deal_code {
            order = order.with_deal_code(code);
        }
        if let Some(offer) = offer {
            order = order.with_offer(offer);
        }
        Some(order)
    }

    /// A team customer's domain is its admin's address domain, which must be a registered,
    /// non-consumer, non-internationalized domain.
    pub(super) fn team_domain(
        &mut self,
        entered: &str,
        admin: Option<&EmailAddress>,
    ) -> Option<PrimaryDomain> {
        let admin = admin?;
        if admin.is_consumer() {
            self.report.push(
                "admin.email",
                Problem::Eligibility(Ineligibility::ConsumerEmail {
                    email: snippet(admin.as_str()),
                }),
            );
            return None;
        }
        let domain = match PrimaryDomain::parse_with(admin.domain(), &self.policy.domain_rules) {
            Ok(d) => d,
            Err(e) => {
                self.report.push("admin.email", Problem::Domain(e));
                return None;
            }
        };
        if entered.len() > Field::Domain.max_bytes() {
            self.report.push(
                Field::Domain.path(),
                Problem::Form(FormError::TooLong {
                    field: Field::Domain,
                }),
            );
        } else if !entered.trim_fast().is_empty() {
            let same = PrimaryDomain::parse_with(entered, &self.policy.domain_rules)
                .is_ok_and(|d| d == domain);
            if !same {
                self.report.push(
                    "domain",
                    Problem::Form(FormError::TeamDomainMismatch {
                        domain: snippet(entered.trim_fast()),
                        email_domain: snippet(domain.as_str()),
                    }),
                );
            }
        }
        Some(domain)
    }

    /// Returns `Some(None)`-like: `None` when the education block is invalid, else its data.
    pub(super) fn education(&mut self, raw: &RawEducation) -> Option<Education> {
        let institute_type = self.required_value(
            Field::InstituteType,
            &raw.institute_type,
            str::parse::<InstituteType>,
            Problem::Value,
        );
        let size = self.optional(
            Field::InstituteSize,
            raw.institute_size.as_deref(),
            str::parse::<InstituteSize>,
            Problem::Value,
        );
        let website = self.optional(
            Field::Website,
            raw.website.as_deref(),
            Website::parse,
            Problem::Text,
        );
        let mut education = Education::new(institute_type?);
        if let Some(size) = size {
            education = education.with_size(size);
        }
        if let Some(website) = website {
            education = education.with_website(website);
        }
        Some(education)
    }

    /// The postal address; a blank organisation name in it takes the form's organisation name,
    /// a blank contact name the admin's name. A problem with a borrowed value is reported once,
    /// on the field it came from.
    pub(super) fn postal_address(
        &mut self,
        form: &OnboardingForm,
        organization: Option<&OrganizationName>,
        first: Option<&PersonName>,
        last: Option<&PersonName>,
    ) -> Option<PostalAddress> {
        if self.input("postalAddress") {
            return None;
        }
        // Fields that held a value of an impossible type: reported here, in field order, and
        // neither borrowed nor checked.
        let unreadable: Vec<AddressField> = if self.pending.is_empty() {
            Vec::new()
        } else {
            AddressField::ALL
                .into_iter()
                .filter(|field| self.input(field.form_path()))
                .collect()
        };
        let mut raw = Cow::Borrowed(&form.postal_address);
        let borrowed_org = blank(Some(&raw.organization_name))
            && !unreadable.contains(&AddressField::OrganizationName);
        if borrowed_org {
            raw.to_mut().organization_name = organization
                .map(|o| o.as_str().to_owned())
                .unwrap_or_default();
        }
        let mut borrowed_contact = false;
        if blank(Some(&raw.contact_name)) && !unreadable.contains(&AddressField::ContactName) {
            let names: Vec<&str> = [first, last]
                .into_iter()
                .flatten()
                .map(PersonName::as_str)
                .collect();
            raw.to_mut().contact_name = names.join(" ");
            // Names typed but refused are reported on admin.firstName / admin.lastName.
            borrowed_contact = names.is_empty()
                && !(blank(form.admin.first_name.as_deref())
                    && blank(form.admin.last_name.as_deref()));
        }
        match PostalAddress::parse(&raw) {
            Ok(address) => {
                if self.policy.allows_country(address.country_code()) {
                    Some(address)
                } else {
                    self.report.push(
                        "postalAddress.countryCode",
                        Problem::Form(FormError::CountryNotAllowed {
                            country: address.country_code(),
                        }),
                    );
                    None
                }
            }
            Err(errors) => {
                for e in errors {
                    let reported_elsewhere = match e.field() {
                        AddressField::OrganizationName => borrowed_org,
                        AddressField::ContactName => borrowed_contact,
                        _ => false,
                    } || unreadable.contains(&e.field());
                    if !reported_elsewhere {
                        self.report.push(e.field().form_path(), Problem::Address(e));
                    }
                }
                None
            }
        }
    }
}

// Keep the imports of error types used only in `Problem` meaningful for readers.
const _: fn(CountryError) -> AddressError = AddressError::Country;

/// What [`Checker::kind_part`] read.
struct KindPart {
    kind: Option<CustomerKind>,
    family: Option<ProductFamily>,
    edition: Option<Edition>,
    education: Option<Education>,
    school: bool,
}

impl KindPart {
    fn is_team(&self) -> bool {
        self.kind == Some(CustomerKind::Team)
    }
}

/// What [`Checker::identity_part`] read.
struct IdentityPart {
    organization: Option<OrganizationName>,
    admin_email: Option<EmailAddress>,
    domain: Option<PrimaryDomain>,
}

/// What [`Checker::contacts_part`] read.
struct ContactsPart {
    first_name: Option<PersonName>,
    last_name: Option<PersonName>,
    secondary: Option<EmailAddress>,
}

/// What [`Checker::details_part`] read.
struct DetailsPart {
    postal_address: Option<PostalAddress>,
    phone: Option<PhoneNumber>,
    language: Option<LanguageCode>,
    crm_id: Option<CrmId>,
}

/// The customer, when every required part was read (the caller checks there is no error).
fn build_customer(
    kind: KindPart,
    identity: IdentityPart,
    contacts: ContactsPart,
    details: DetailsPart,
    order: Option<Order>,
) -> Option<Customer> {
    let mut admin = AdminContact::new(identity.admin_email?);
    admin.first_name = contacts.first_name;
    admin.last_name = contacts.last_name;
    Some(Customer {
        kind: kind.kind?,
        family: kind.family?,
        edition: kind.edition,
        organization: identity.organization?,
        domain: identity.domain?,
        admin,
        secondary_email: contacts.secondary,
        postal_address: details.postal_address?,
        phone: details.phone,
        language: details.language,
        education: kind.education,
        crm_id: details.crm_id,
        order,
    })
}
