//! Layer 4, wire: Cloud Channel's listings of SKUs and offers (`listPurchasableSkus`,
//! `listPurchasableOffers`, `listTransferableSkus`, `listTransferableOffers`), read leniently
//! and at bounded cost, and an offer's plan matched to an order's [`Plan`].
//!
//! Sources: `google/cloud/channel/v1/service.proto` (`ListPurchasableSkusResponse`,
//! `ListPurchasableOffersResponse`, `ListTransferableSkusResponse`,
//! `ListTransferableOffersResponse`), `offers.proto` (`Offer`, `Plan`, `ParameterDefinition`),
//! `products.proto` (`Sku`, `MarketingInfo`), `common.proto` (`Period`), googleapis at
//! 0c78b0c2.
//!
//! Every page reader:
//! - refuses Google's error body (`{"error": …}`) with [`NotASuccess`](crate::wire::NotASuccess);
//! - reads `{}` as an empty last page (proto3 JSON leaves an empty list out);
//! - keeps at most [`MAX_LISTED`] entries and counts the rest in `cut` (Google's pages hold at
//!   most 1,000), skipping them unread;
//! - ignores unknown fields and keeps unknown enum values as [`OfferPlan::Other`] or raw text;
//! - cuts every kept text to [`MAX_TEXT`](crate::wire::MAX_TEXT) bytes, and keeps a name only
//!   when it is a valid [`SkuName`] or [`OfferName`].

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::error::Lang;
use crate::order::{OfferName, Plan};
use crate::wire::status::cut;
use crate::wire::success::{NotASuccess, present};
use crate::wire::{MAX_TEXT, PageToken, SkuName};

/// The most entries a page reader keeps; the rest are skipped and counted.
pub const MAX_LISTED: usize = 1000;

/// A list of at most [`MAX_LISTED`] `T`, and how many more the JSON had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Capped<T> {
    pub(super) items: Vec<T>,
    pub(super) cut: usize,
}

impl<T> Default for Capped<T> {
    fn default() -> Self {
        Capped {
            items: Vec::new(),
            cut: 0,
        }
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Capped<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct CappedVisitor<T>(PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for CappedVisitor<T> {
            type Value = Capped<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Capped<T>, A::Error> {
                let mut out = Capped::default();
                loop {
                    if out.items.len() < MAX_LISTED {
                        match seq.next_element::<T>()? {
                            Some(item) => out.items.push(item),
                            None => return Ok(out),
                        }
                    } else if seq.next_element::<IgnoredAny>()?.is_some() {
                        out.cut = out.cut.saturating_add(1);
                    } else {
                        return Ok(out);
                    }
                }
            }
        }
        deserializer.deserialize_seq(CappedVisitor(PhantomData))
    }
}

/// The accessors every page of a listing shares: `next_page_token` and `cut`.
macro_rules! page_surface {
    ($page:ident) => {
        impl $page {
            /// The token of the next page; `None` on the last page.
            ///
            /// ```
            #[doc = concat!("let page: gws_onboarding::wire::channel::", stringify!($page), " =")]
            ///     serde_json::from_str(r#"{"nextPageToken": "n2"}"#)?;
            /// assert_eq!(page.next_page_token().map(|t| t.as_str()), Some("n2"));
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn next_page_token(&self) -> Option<&crate::wire::PageToken> {
                self.next_page_token.as_ref()
            }

            /// How many entries past [`MAX_LISTED`](crate::wire::channel::MAX_LISTED) were
            /// skipped, unread.
            ///
            /// ```
            #[doc = concat!("let page: gws_onboarding::wire::channel::", stringify!($page), " =")]
            ///     serde_json::from_str("{}")?;
            /// assert_eq!(page.cut(), 0);
            /// # Ok::<(), Box<dyn std::error::Error>>(())
            /// ```
            #[must_use]
            pub fn cut(&self) -> usize {
                self.cut
            }
        }
    };
}
pub(super) use page_surface;

/// A text field read leniently: a string (cut to `MAX_TEXT` bytes) or nothing; any other JSON
/// value is skipped.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Text(pub(super) Option<String>);

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct TextVisitor;
        impl<'de> Visitor<'de> for TextVisitor {
            type Value = Text;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a string")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<Text, E> {
                Ok(Text(Some(cut(v, MAX_TEXT).to_owned())))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<Text, E> {
                Ok(Text(Some(v.to_string())))
            }
            fn visit_f64<E: de::Error>(self, _: f64) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_bool<E: de::Error>(self, _: bool) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_unit<E: de::Error>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_none<E: de::Error>(self) -> Result<Text, E> {
                Ok(Text(None))
            }
            fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Text, D::Error> {
                d.deserialize_any(TextVisitor)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Text, A::Error> {
                while seq.next_element::<IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Text, A::Error> {
                while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
                Ok(Text(None))
            }
        }
        deserializer.deserialize_any(TextVisitor)
    }
}

impl Text {
    fn get(&self) -> Option<&str> {
        self.0.as_deref()
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawMarketingInfo {
    display_name: Text,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawProduct {
    name: Text,
    marketing_info: RawMarketingInfo,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawSku {
    name: Text,
    marketing_info: RawMarketingInfo,
    product: RawProduct,
}

/// A Channel SKU as a listing gives it: its resource name, Google's display name and its
/// product.
///
/// ```
/// use gws_onboarding::wire::channel::SkuPage;
/// let page: SkuPage = serde_json::from_str(r#"{"purchasableSkus": [{"sku": {
///     "name": "products/Google-Workspace/skus/1010020028",
///     "marketingInfo": {"displayName": "Google Workspace Business Standard"},
///     "product": {"name": "products/Google-Workspace"}}}]}"#)?;
/// let sku = &page.skus()[0];
/// assert_eq!(sku.name().map(|n| n.sku_id()), Some("1010020028"));
/// assert_eq!(sku.display_name(), Some("Google Workspace Business Standard"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ChannelSku {
    name: Option<SkuName>,
    display_name: Option<String>,
    product: Option<String>,
}

impl From<RawSku> for ChannelSku {
    fn from(raw: RawSku) -> Self {
        ChannelSku {
            name: raw.name.get().and_then(|n| SkuName::parse(n).ok()),
            display_name: raw.marketing_info.display_name.0,
            product: raw
                .product
                .marketing_info
                .display_name
                .0
                .or(raw.product.name.0),
        }
    }
}

impl<'de> Deserialize<'de> for ChannelSku {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawSku::deserialize(deserializer).map(ChannelSku::from)
    }
}

impl ChannelSku {
    /// The SKU's resource name, when Google gave a valid one.
    ///
    /// ```
    /// let sku: gws_onboarding::wire::channel::ChannelSku = serde_json::from_str(r#"{"name": "x"}"#)?;
    /// assert!(sku.name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> Option<&SkuName> {
        self.name.as_ref()
    }

    /// `marketingInfo.displayName`: Google's name for the SKU ("Google Workspace Business
    /// Standard").
    ///
    /// ```
    /// let sku: gws_onboarding::wire::channel::ChannelSku =
    ///     serde_json::from_str(r#"{"marketingInfo": {"displayName": "Gemini Business"}}"#)?;
    /// assert_eq!(sku.display_name(), Some("Gemini Business"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn display_name(&self) -> Option<&str> {
        self.display_name.as_deref()
    }

    /// The product's display name, or its resource name.
    ///
    /// ```
    /// let sku: gws_onboarding::wire::channel::ChannelSku =
    ///     serde_json::from_str(r#"{"product": {"name": "products/Google-Workspace"}}"#)?;
    /// assert_eq!(sku.product(), Some("products/Google-Workspace"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn product(&self) -> Option<&str> {
        self.product.as_deref()
    }

    /// Whether this is the SKU Google's catalogue calls `sku_name` with the Reseller id
    /// `sku_id`: its display name is `sku_name` (ASCII case, spaces and the `Google ` prefix
    /// aside), or its resource name ends in `/skus/{sku_id}`.
    ///
    /// ```
    /// let sku: gws_onboarding::wire::channel::ChannelSku = serde_json::from_str(
    ///     r#"{"marketingInfo": {"displayName": "Workspace  business STANDARD"}}"#)?;
    /// assert!(sku.is("Google Workspace Business Standard", "1010020028"));
    /// assert!(!sku.is("Google Workspace Business Plus", "1010020025"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn is(&self, sku_name: &str, sku_id: &str) -> bool {
        let by_name = self
            .display_name
            .as_deref()
            .is_some_and(|shown| same_name(shown, sku_name));
        by_name || self.name.as_ref().is_some_and(|n| n.sku_id() == sku_id)
    }
}

/// Whether two SKU names are the same, ASCII case, runs of white space and a leading
/// `Google ` aside.
fn same_name(a: &str, b: &str) -> bool {
    let words = |s: &str| -> Vec<String> {
        let mut words: Vec<String> = s.split_whitespace().map(str::to_ascii_lowercase).collect();
        if words.first().is_some_and(|w| w == "google") {
            words.remove(0);
        }
        words
    };
    let (a, b) = (words(a), words(b));
    !a.is_empty() && a == b
}

pub(super) fn next_token<E: de::Error>(raw: &Text) -> Result<Option<PageToken>, E> {
    match raw.get().map(str::trim) {
        None | Some("") => Ok(None),
        Some(token) => PageToken::parse(token).map(Some).map_err(E::custom),
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct RawPurchasableSku {
    sku: RawSku,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawSkuPage {
    #[serde(rename = "error", default, deserialize_with = "present")]
    error_body: bool,
    #[serde(default)]
    purchasable_skus: Capped<RawPurchasableSku>,
    #[serde(default)]
    next_page_token: Text,
}

/// One page of `listPurchasableSkus`: `{purchasableSkus: [{sku}], nextPageToken}`.
///
/// ```
/// use gws_onboarding::wire::channel::SkuPage;
/// let page: SkuPage = serde_json::from_str(r#"{"purchasableSkus": [], "nextPageToken": "p2"}"#)?;
/// assert!(page.skus().is_empty());
/// assert_eq!(page.next_page_token().map(|t| t.as_str()), Some("p2"));
/// assert!(serde_json::from_str::<SkuPage>(r#"{"error": {"code": 403}}"#).is_err());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SkuPage {
    skus: Vec<ChannelSku>,
    next_page_token: Option<PageToken>,
    cut: usize,
}

impl<'de> Deserialize<'de> for SkuPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawSkuPage::deserialize(deserializer)?;
        NotASuccess::check("a ListPurchasableSkusResponse", raw.error_body, false)?;
        Ok(SkuPage {
            next_page_token: next_token(&raw.next_page_token)?,
            cut: raw.purchasable_skus.cut,
            skus: raw
                .purchasable_skus
                .items
                .into_iter()
                .map(|s| ChannelSku::from(s.sku))
                .collect(),
        })
    }
}

impl SkuPage {
    /// The SKUs kept (at most [`MAX_LISTED`]).
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::SkuPage = serde_json::from_str("{}")?;
    /// assert!(page.skus().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn skus(&self) -> &[ChannelSku] {
        &self.skus
    }
}

page_surface!(SkuPage);

/// A Channel `Period` unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum PeriodUnit {
    /// `DAY`.
    Day,
    /// `MONTH`.
    Month,
    /// `YEAR`.
    Year,
}

/// An offer's payment plan, from `Offer.plan` (`paymentPlan`, and `paymentCycle` for a
/// commitment).
///
/// ```
/// use gws_onboarding::wire::channel::{OfferPlan, PeriodUnit};
/// use gws_onboarding::order::Plan;
/// assert_eq!(OfferPlan::Commitment { cycle: Some((1, PeriodUnit::Month)) }.plan(), Some(Plan::AnnualMonthly));
/// assert_eq!(OfferPlan::Commitment { cycle: Some((1, PeriodUnit::Year)) }.plan(), Some(Plan::AnnualYearly));
/// assert_eq!(OfferPlan::Flexible.plan(), Some(Plan::Flexible));
/// assert_eq!(OfferPlan::Offline.plan(), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum OfferPlan {
    /// `FLEXIBLE`: billed monthly for the seats used.
    Flexible,
    /// `COMMITMENT`: a commitment (Workspace: annual), paid each `paymentCycle` (duration,
    /// unit) when Google says.
    Commitment {
        /// `paymentCycle`: one `MONTH` for monthly payments, one `YEAR` for a yearly payment.
        cycle: Option<(u32, PeriodUnit)>,
    },
    /// `TRIAL`.
    Trial,
    /// `FREE`.
    Free,
    /// `OFFLINE`: paid outside Google's billing.
    Offline,
    /// No `paymentPlan`, `PAYMENT_PLAN_UNSPECIFIED`, or a value this crate does not know.
    Other,
}

impl OfferPlan {
    /// The order plan this offer sells, if any: `FLEXIBLE` is [`Plan::Flexible`], a
    /// commitment paid monthly [`Plan::AnnualMonthly`], paid yearly [`Plan::AnnualYearly`],
    /// `TRIAL` [`Plan::Trial`], `FREE` [`Plan::Free`]; any other is none.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::OfferPlan;
    /// assert_eq!(OfferPlan::Commitment { cycle: None }.plan(), None);
    /// ```
    #[must_use]
    pub fn plan(&self) -> Option<Plan> {
        match self {
            OfferPlan::Flexible => Some(Plan::Flexible),
            OfferPlan::Commitment {
                cycle: Some((1, PeriodUnit::Month)),
            } => Some(Plan::AnnualMonthly),
            OfferPlan::Commitment {
                cycle: Some((1, PeriodUnit::Year)),
            } => Some(Plan::AnnualYearly),
            OfferPlan::Trial => Some(Plan::Trial),
            OfferPlan::Free => Some(Plan::Free),
            _ => None,
        }
    }

    /// The plan's name for people: the order plan's [`Plan::name`], or what Google says.
    ///
    /// ```
    /// use gws_onboarding::{Lang, wire::channel::OfferPlan};
    /// assert_eq!(OfferPlan::Offline.name(Lang::Fr), "une offre hors ligne");
    /// ```
    #[must_use]
    pub fn name(&self, lang: Lang) -> Cow<'static, str> {
        if let Some(plan) = self.plan() {
            return Cow::Borrowed(plan.name(lang));
        }
        match (self, lang) {
            (OfferPlan::Offline, _) => lang.pick("an offline offer", "une offre hors ligne").into(),
            (
                OfferPlan::Commitment {
                    cycle: Some((n, unit)),
                },
                _,
            ) => {
                let unit = match (unit, lang) {
                    (PeriodUnit::Day, Lang::Fr) => "jour(s)",
                    (PeriodUnit::Month, Lang::Fr) => "mois",
                    (PeriodUnit::Year, Lang::Fr) => "an(s)",
                    (PeriodUnit::Day, _) => "day(s)",
                    (PeriodUnit::Month, _) => "month(s)",
                    (PeriodUnit::Year, _) => "year(s)",
                };
                let text = match lang {
                    Lang::Fr => format!("un engagement payé tous les {n} {unit}"),
                    _ => format!("a commitment paid every {n} {unit}"),
                };
                Cow::Owned(text)
            }
            (OfferPlan::Commitment { .. }, _) => lang
                .pick(
                    "a commitment of unknown payments",
                    "un engagement aux paiements inconnus",
                )
                .into(),
            _ => lang.pick("an unknown plan", "un forfait inconnu").into(),
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawPeriod {
    duration: Text,
    period_type: Text,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawPlan {
    payment_plan: Text,
    payment_cycle: Option<RawPeriod>,
}

impl From<RawPlan> for OfferPlan {
    fn from(raw: RawPlan) -> Self {
        match raw.payment_plan.get() {
            Some("FLEXIBLE") => OfferPlan::Flexible,
            Some("TRIAL") => OfferPlan::Trial,
            Some("FREE") => OfferPlan::Free,
            Some("OFFLINE") => OfferPlan::Offline,
            Some("COMMITMENT") => {
                let cycle = raw.payment_cycle.and_then(|p| {
                    let n = p.duration.get()?.parse::<u32>().ok()?;
                    let unit = match p.period_type.get()? {
                        "DAY" => PeriodUnit::Day,
                        "MONTH" => PeriodUnit::Month,
                        "YEAR" => PeriodUnit::Year,
                        _ => return None,
                    };
                    Some((n, unit))
                });
                OfferPlan::Commitment { cycle }
            }
            _ => OfferPlan::Other,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawValue {
    int64_value: Text,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawParameterDefinition {
    name: Text,
    min_value: RawValue,
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, rename_all = "camelCase")]
struct RawOffer {
    name: Text,
    sku: RawSku,
    plan: RawPlan,
    parameter_definitions: Capped<RawParameterDefinition>,
    deal_code: Text,
}

/// An offer of a listing (`Offer`): its name, SKU, plan, deal code and the least seats it
/// takes.
///
/// ```
/// use gws_onboarding::wire::channel::{ListedOffer, OfferPlan};
/// let offer: ListedOffer = serde_json::from_str(r#"{"name": "accounts/C1/offers/O1",
///     "sku": {"name": "products/p/skus/s"}, "plan": {"paymentPlan": "FLEXIBLE"},
///     "parameterDefinitions": [{"name": "max_units", "minValue": {"int64Value": "5"}}]}"#)?;
/// assert_eq!(offer.name().map(|n| n.as_str()), Some("accounts/C1/offers/O1"));
/// assert_eq!(offer.plan(), &OfferPlan::Flexible);
/// assert_eq!(offer.min_units(), Some(5));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedOffer {
    name: Option<OfferName>,
    sku: Option<SkuName>,
    plan: OfferPlan,
    deal_code: Option<String>,
    min_units: Option<u32>,
}

impl From<RawOffer> for ListedOffer {
    fn from(raw: RawOffer) -> Self {
        let min_units = raw
            .parameter_definitions
            .items
            .iter()
            .filter(|p| matches!(p.name.get(), Some("num_units" | "max_units")))
            .find_map(|p| p.min_value.int64_value.get()?.parse::<u32>().ok());
        ListedOffer {
            name: raw.name.get().and_then(|n| OfferName::parse(n).ok()),
            sku: raw.sku.name.get().and_then(|n| SkuName::parse(n).ok()),
            plan: OfferPlan::from(raw.plan),
            deal_code: raw.deal_code.0.filter(|c| !c.trim().is_empty()),
            min_units,
        }
    }
}

impl<'de> Deserialize<'de> for ListedOffer {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        RawOffer::deserialize(deserializer).map(ListedOffer::from)
    }
}

impl ListedOffer {
    /// The offer's name, when Google gave a valid one.
    ///
    /// ```
    /// let offer: gws_onboarding::wire::channel::ListedOffer = serde_json::from_str("{}")?;
    /// assert!(offer.name().is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn name(&self) -> Option<&OfferName> {
        self.name.as_ref()
    }

    /// The offer's SKU (`sku.name`), when valid.
    ///
    /// ```
    /// let offer: gws_onboarding::wire::channel::ListedOffer =
    ///     serde_json::from_str(r#"{"sku": {"name": "products/p/skus/s"}}"#)?;
    /// assert_eq!(offer.sku().map(|s| s.as_str()), Some("products/p/skus/s"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn sku(&self) -> Option<&SkuName> {
        self.sku.as_ref()
    }

    /// The offer's plan.
    ///
    /// ```
    /// use gws_onboarding::wire::channel::{ListedOffer, OfferPlan};
    /// let offer: ListedOffer = serde_json::from_str(r#"{"plan": {"paymentPlan": "NEW_PLAN"}}"#)?;
    /// assert_eq!(offer.plan(), &OfferPlan::Other);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn plan(&self) -> &OfferPlan {
        &self.plan
    }

    /// `dealCode`, when the offer is a promotion.
    ///
    /// ```
    /// let offer: gws_onboarding::wire::channel::ListedOffer =
    ///     serde_json::from_str(r#"{"dealCode": "SPRING"}"#)?;
    /// assert_eq!(offer.deal_code(), Some("SPRING"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn deal_code(&self) -> Option<&str> {
        self.deal_code.as_deref()
    }

    /// The least seats the offer takes: the `minValue` of its `num_units` or `max_units`
    /// parameter (for a transferable offer, at least the seats the customer has).
    ///
    /// ```
    /// let offer: gws_onboarding::wire::channel::ListedOffer = serde_json::from_str("{}")?;
    /// assert_eq!(offer.min_units(), None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn min_units(&self) -> Option<u32> {
        self.min_units
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
struct RawOfferEntry {
    offer: Option<RawOffer>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct RawOfferPage {
    #[serde(rename = "error", default, deserialize_with = "present")]
    error_body: bool,
    #[serde(default, alias = "transferableOffers")]
    purchasable_offers: Capped<RawOfferEntry>,
    #[serde(default)]
    next_page_token: Text,
}

/// One page of `listPurchasableOffers` (`{purchasableOffers: [{offer}], nextPageToken}`) or of
/// `listTransferableOffers` (`transferableOffers`, same shape). An entry without `offer` is
/// skipped.
///
/// ```
/// use gws_onboarding::wire::channel::OfferPage;
/// let page: OfferPage = serde_json::from_str(r#"{"transferableOffers": [
///     {"offer": {"name": "accounts/C1/offers/O1", "plan": {"paymentPlan": "FLEXIBLE"}}}]}"#)?;
/// assert_eq!(page.offers().len(), 1);
/// assert!(page.next_page_token().is_none());
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfferPage {
    offers: Vec<ListedOffer>,
    next_page_token: Option<PageToken>,
    cut: usize,
}

impl<'de> Deserialize<'de> for OfferPage {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let raw = RawOfferPage::deserialize(deserializer)?;
        NotASuccess::check("a list of offers", raw.error_body, false)?;
        Ok(OfferPage {
            next_page_token: next_token(&raw.next_page_token)?,
            cut: raw.purchasable_offers.cut,
            offers: raw
                .purchasable_offers
                .items
                .into_iter()
                .filter_map(|e| e.offer.map(ListedOffer::from))
                .collect(),
        })
    }
}

impl OfferPage {
    /// The offers kept (at most [`MAX_LISTED`]).
    ///
    /// ```
    /// let page: gws_onboarding::wire::channel::OfferPage = serde_json::from_str("{}")?;
    /// assert!(page.offers().is_empty());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn offers(&self) -> &[ListedOffer] {
        &self.offers
    }
}

page_surface!(OfferPage);
