//! Layer 3, customer: the kinds of customer the console creates, and the education data of an
//! educational institution.

use super::text::Website;
use crate::names::string_enum;

string_enum! {
    /// The two kinds of customer the console creates.
    ///
    /// ```
    /// use gws_onboarding::customer::CustomerKind;
    /// assert_eq!(CustomerKind::Domain.as_str(), "domain");
    /// assert!(CustomerKind::Team.is_email_verified());
    /// ```
    CustomerKind in "customer", "customer type" {
        /// A customer that owns and verifies its domain: Google Workspace or Cloud Identity.
        /// Also read: `DOMAIN` (Cloud Channel API), `domain customer`, `domaine`.
        Domain = "domain" | "domain customer" | "domaine" | "client d'un domaine" | "client domaine" | "établissement d'enseignement" | "educational institution",
        /// A team that verifies its account by the admin's email address, not a domain: only
        /// Essentials, Enterprise Essentials or Enterprise Essentials Plus. Also read: `TEAM`
        /// (Cloud Channel API), `team customer`, `équipe`.
        Team = "team" | "team customer" | "équipe" | "client dans une équipe" | "client équipe",
    }
}

/// Whether `customer_type` names the console's *Établissement d'enseignement* option
/// (`Educational institution`) rather than a plain customer type. The help article makes it an
/// option of a domain customer ("pour les écoles et l'enseignement supérieur, cochez l'option
/// Établissement d'enseignement"), so it reads as [`CustomerKind::Domain`], and the form then
/// asks for the institution's type. Bounded: a long value is no such name.
pub(crate) fn names_education(customer_type: &str) -> bool {
    customer_type.len() <= 64
        && matches!(
            crate::names::key(customer_type).as_str(),
            "etablissementdenseignement" | "educationalinstitution"
        )
}

impl CustomerKind {
    /// Whether the account is validated by email address rather than domain (team customers).
    ///
    /// ```
    /// assert!(!gws_onboarding::customer::CustomerKind::Domain.is_email_verified());
    /// ```
    #[must_use]
    pub const fn is_email_verified(self) -> bool {
        matches!(self, CustomerKind::Team)
    }
}

string_enum! {
    /// The kind of educational institution (Cloud Channel API `EduData.InstituteType`).
    ///
    /// ```
    /// use gws_onboarding::customer::InstituteType;
    /// assert_eq!("university".parse::<InstituteType>()?, InstituteType::University);
    /// assert_eq!(InstituteType::K12.channel_name(), "K12");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    InstituteType in "customer", "institute type" {
        /// Primary and secondary schools. Also read: `K12` (Cloud Channel API), `K-12`.
        K12 = "k12" | "K-12" | "primary and secondary school" | "primary and secondary" | "enseignement primaire et secondaire" | "primaire et secondaire" | "école primaire ou secondaire",
        /// Higher education. Also read: `UNIVERSITY` (Cloud Channel API), `higher education`,
        /// `université`.
        University = "university" | "higher education" | "université" | "enseignement supérieur" | "établissement d'enseignement supérieur",
    }
}

impl InstituteType {
    /// The Cloud Channel API enum name (`K12`, `UNIVERSITY`).
    ///
    /// ```
    /// assert_eq!(gws_onboarding::customer::InstituteType::University.channel_name(), "UNIVERSITY");
    /// ```
    #[must_use]
    pub const fn channel_name(self) -> &'static str {
        match self {
            InstituteType::K12 => "K12",
            InstituteType::University => "UNIVERSITY",
        }
    }
}

string_enum! {
    /// The size of an educational institution (Cloud Channel API `EduData.InstituteSize`).
    ///
    /// ```
    /// use gws_onboarding::customer::InstituteSize;
    /// assert_eq!("SIZE_101_500".parse::<InstituteSize>()?, InstituteSize::Size101To500);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    InstituteSize in "customer", "institute size" {
        /// 1 to 100 people (also read: `1-100`, `1 to 100`).
        Size1To100 = "SIZE_1_100" | "1-100" | "1 to 100" | "1 à 100" | "de 1 à 100",
        /// 101 to 500 (also read: `101-500`, `101 to 500`).
        Size101To500 = "SIZE_101_500" | "101-500" | "101 to 500" | "101 à 500" | "de 101 à 500",
        /// 501 to 1,000 (also read: `501-1000`, `501 to 1,000`).
        Size501To1000 = "SIZE_501_1000" | "501-1000" | "501 to 1000" | "501 à 1000" | "de 501 à 1000",
        /// 1,001 to 2,000 (also read: `1001-2000`, `1,001 to 2,000`).
        Size1001To2000 = "SIZE_1001_2000" | "1001-2000" | "1001 to 2000" | "1001 à 2000" | "de 1001 à 2000",
        /// 2,001 to 5,000 (also read: `2001-5000`, `2,001 to 5,000`).
        Size2001To5000 = "SIZE_2001_5000" | "2001-5000" | "2001 to 5000" | "2001 à 5000" | "de 2001 à 5000",
        /// 5,001 to 10,000 (also read: `5001-10000`, `5,001 to 10,000`).
        Size5001To10000 = "SIZE_5001_10000" | "5001-10000" | "5001 to 10000" | "5001 à 10000" | "de 5001 à 10000",
        /// More than 10,000 (also read: `10001+`, `10,001 or more`, `more than 10,000`).
        Size10001OrMore = "SIZE_10001_OR_MORE" | "10001+" | "10001 or more" | "more than 10000" | "10000+" | "10001 ou plus" | "plus de 10000",
    }
}

/// An educational institution (the console's "Educational institution" box; Cloud Channel API
/// `EduData`).
///
/// ```
/// use gws_onboarding::customer::{Education, InstituteSize, InstituteType, Website};
///
/// let edu = Education::new(InstituteType::K12)
///     .with_size(InstituteSize::Size101To500)
///     .with_website(Website::parse("lycee-moulin.fr")?);
/// assert_eq!(edu.institute_type(), InstituteType::K12);
/// assert_eq!(edu.size(), Some(InstituteSize::Size101To500));
/// assert_eq!(edu.website().map(Website::as_str), Some("https://lycee-moulin.fr"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Education {
    institute_type: InstituteType,
    size: Option<InstituteSize>,
    website: Option<Website>,
}

impl Education {
    /// An institution of the given type, size and website unknown.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType};
    /// assert_eq!(Education::new(InstituteType::University).size(), None);
    /// ```
    #[must_use]
    pub fn new(institute_type: InstituteType) -> Self {
        Education {
            institute_type,
            size: None,
            website: None,
        }
    }

    /// Sets the size.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteSize, InstituteType};
    /// let e = Education::new(InstituteType::K12).with_size(InstituteSize::Size1To100);
    /// assert_eq!(e.size(), Some(InstituteSize::Size1To100));
    /// ```
    #[must_use]
    pub fn with_size(mut self, size: InstituteSize) -> Self {
        self.size = Some(size);
        self
    }

    /// Sets the website.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType, Website};
    /// let e = Education::new(InstituteType::K12).with_website(Website::parse("ecole.fr")?);
    /// assert!(e.website().is_some());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn with_website(mut self, website: Website) -> Self {
        self.website = Some(website);
        self
    }

    /// K-12 or university.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType};
    /// assert_eq!(Education::new(InstituteType::K12).institute_type(), InstituteType::K12);
    /// ```
    #[must_use]
    pub fn institute_type(&self) -> InstituteType {
        self.institute_type
    }

    /// The size, when known.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType};
    /// assert!(Education::new(InstituteType::K12).size().is_none());
    /// ```
    #[must_use]
    pub fn size(&self) -> Option<InstituteSize> {
        self.size
    }

    /// The website, when known.
    ///
    /// ```
    /// use gws_onboarding::customer::{Education, InstituteType};
    /// assert!(Education::new(InstituteType::K12).website().is_none());
    /// ```
    #[must_use]
    pub fn website(&self) -> Option<&Website> {
        self.website.as_ref()
    }
}
