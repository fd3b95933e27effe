//! Layer 5, journey: the Channel route's listings: the offer of an order
//! (`listPurchasableSkus`, then `listPurchasableOffers`), and the transfer of an imported
//! customer's entitlements (`listTransferableSkus`, `listTransferableOffers` for each SKU,
//! then `transferEntitlements`). Their steps, and how each page moves the stage.

use crate::error::snippet;
use crate::order::{DealCode, Order, Plan};
use crate::report::Report;
use crate::wire::channel::{
    ENTITLEMENTS_PAGE_SIZE, EntitlementPage, ListTransferableOffersBody, ListTransferableSkusBody,
    OfferPage, PAGE_SIZE, SkuPage, TransferEntitlementsBody, TransferItem, TransferableSkuPage,
};
use crate::wire::{
    Call, CustomerName, PageToken, RequestId, SkuName, TransferToken, percent_encode,
};

use super::super::error::{Expected, JourneyError};
use super::super::outcome::{Outcome, Transition};
use super::super::step::{Body, Step};
use super::offer::{ChoiceProblem, OfferTally, Paging, Wanted, paging};
use super::stage::{ChannelStage, MAX_TRANSFER_SKUS, TransferSku};

/// `&pageToken=…` for a query, or nothing on the first page.
fn page_query(page: Option<&PageToken>) -> String {
    page.map(|p| format!("&pageToken={}", p.query_value()))
        .unwrap_or_default()
}

/// `listPurchasableSkus` of `customer`, every product (`products/-`).
pub(super) fn purchasable_skus_step(customer: &str, page: Option<&PageToken>) -> Step {
    Step::get(
        Call::ChannelListPurchasableSkus,
        format!(
            "v1/{customer}:listPurchasableSkus?createEntitlementPurchase.product={}\
             &pageSize={PAGE_SIZE}{}",
            percent_encode("products/-"),
            page_query(page)
        ),
    )
}

/// `listPurchasableOffers` of `customer` for `sku` (`{sku}` in a plan).
pub(super) fn purchasable_offers_step(customer: &str, sku: &str, page: Option<&PageToken>) -> Step {
    Step::get(
        Call::ChannelListPurchasableOffers,
        format!(
            "v1/{customer}:listPurchasableOffers?createEntitlementPurchase.sku={}\
             &pageSize={PAGE_SIZE}{}",
            if sku == "{sku}" {
                sku.to_owned()
            } else {
                percent_encode(sku)
            },
            page_query(page)
        ),
    )
}

/// `listTransferableSkus` of the imported `customer`.
pub(super) fn transferable_skus_step(
    account: &str,
    customer: &CustomerName,
    token: &TransferToken,
    page: Option<&PageToken>,
) -> Step {
    Step::post(
        Call::ChannelListTransferableSkus,
        format!("v1/accounts/{account}:listTransferableSkus"),
        Body::ListTransferableSkus(ListTransferableSkusBody::new(
            customer.clone(),
            token.clone(),
            page.cloned(),
        )),
    )
}

/// `listTransferableOffers` of the imported `customer` for `sku`.
pub(super) fn transferable_offers_step(
    account: &str,
    customer: &CustomerName,
    sku: &SkuName,
    page: Option<&PageToken>,
) -> Step {
    Step::post(
        Call::ChannelListTransferableOffers,
        format!("v1/accounts/{account}:listTransferableOffers"),
        Body::ListTransferableOffers(ListTransferableOffersBody::new(
            customer.clone(),
            sku.clone(),
            page.cloned(),
        )),
    )
}

/// `transferEntitlements` of `items`.
pub(super) fn transfer_step(
    customer: &CustomerName,
    items: &[TransferItem],
    token: &TransferToken,
    request_id: Option<&RequestId>,
) -> Step {
    Step::post(
        Call::ChannelTransferEntitlements,
        format!("v1/{customer}:transferEntitlements"),
        Body::TransferEntitlements(TransferEntitlementsBody::new(
            items,
            token.clone(),
            request_id.cloned(),
        )),
    )
}

/// `entitlements.list` of `customer`.
pub(super) fn entitlements_step(customer: &CustomerName, page: Option<&PageToken>) -> Step {
    Step::get(
        Call::ChannelListEntitlements,
        format!(
            "v1/{customer}/entitlements?pageSize={ENTITLEMENTS_PAGE_SIZE}{}",
            page_query(page)
        ),
    )
}

/// Whether a customer of ours holds the order, after a page of its entitlements.
pub(super) enum Held {
    /// It holds an entitlement of the order's SKU: its name, when Google gave it.
    Yes(Option<String>),
    /// Not on the pages so far: this stage lists the next.
    Next(ChannelStage),
    /// Not at all.
    No,
    /// The listing does not end.
    Stop(Report),
}

/// A page of `entitlements.list` of `customer`, for the order's `sku_id`.
///
/// # Errors
///
/// [`JourneyError::Mismatch`] for an entitlement of another customer.
pub(super) fn on_entitlements(
    customer: &CustomerName,
    sku_id: Option<&str>,
    (page, pages, bought): (Option<&PageToken>, u32, bool),
    answer: &EntitlementPage,
) -> Result<Held, JourneyError> {
    let call = Call::ChannelListEntitlements;
    let prefix = format!("{customer}/entitlements/");
    let mut held = false;
    let mut found = None;
    for entitlement in answer.entitlements() {
        if let Some(name) = entitlement.name().filter(|n| !n.starts_with(&prefix)) {
            return Err(JourneyError::Mismatch {
                call,
                asked: prefix,
                found: snippet(name),
            });
        }
        if !held && sku_id.is_some() && entitlement.sku_id() == sku_id {
            held = true;
            found = entitlement.name().map(snippet);
        }
    }
    if held {
        return Ok(Held::Yes(found));
    }
    Ok(match paging(call, page, answer.next_page_token(), pages) {
        Ok(Paging::Next(next)) => Held::Next(ChannelStage::Held {
            customer: customer.clone(),
            page: Some(next),
            pages: pages + 1,
            bought,
        }),
        Ok(Paging::Last) => Held::No,
        Err(report) => Held::Stop(report),
    })
}

/// What the listings read the journey for.
pub(super) struct Context<'a> {
    pub(super) account: &'a str,
    pub(super) order: Option<&'a Order>,
    /// After a transfer: the offers moved, kept for the outcome.
    pub(super) moved: Option<&'a Vec<String>>,
    /// The order names no offer: the journey chooses it from Google's listings.
    pub(super) needs_offer: bool,
}

/// Buying the order (first choosing its offer when it names none), or done; `moved`, the
/// offers a transfer moved before (`None` for a created customer).
pub(super) fn purchase_stage(
    ctx: &Context<'_>,
    customer: &CustomerName,
    moved: Option<Vec<String>>,
) -> ChannelStage {
    match ctx.order {
        Some(_) if ctx.needs_offer => ChannelStage::FindSku {
            customer: customer.clone(),
            page: None,
            pages: 0,
            listed: 0,
            moved,
        },
        Some(_) => ChannelStage::Entitle {
            customer: customer.clone(),
            chosen: None,
            moved,
        },
        None => ChannelStage::Done {
            outcome: match moved {
                Some(moved) => Outcome::Transferred {
                    customer: customer.to_string(),
                    purchase: None,
                    moved,
                },
                None => Outcome::Created {
                    customer: customer.to_string(),
                    purchase: None,
                },
            },
        },
    }
}

/// Whether `sku` is the order's product.
fn is_ordered(order: Option<&Order>, sku: &crate::wire::channel::ChannelSku) -> bool {
    order.is_some_and(|order| {
        let product = order.product();
        sku.is(product.catalogue_entry().sku_name(), product.sku_id())
    })
}

/// A stop on `call` with `report`, keeping `customer` for an offer given afterwards.
fn no_offer(
    ctx: &Context<'_>,
    customer: &CustomerName,
    call: Call,
    report: Report,
) -> Transition<ChannelStage> {
    Transition::To(
        ChannelStage::NoOffer {
            customer: customer.clone(),
            call,
            moved: ctx.moved.cloned(),
        },
        Some(report),
    )
}

/// A page of `listPurchasableSkus`, read in stage `FindSku`.
pub(super) fn on_skus(
    ctx: &Context<'_>,
    customer: &CustomerName,
    (page, pages, listed): (Option<&PageToken>, u32, u32),
    answer: &SkuPage,
) -> Transition<ChannelStage> {
    let call = Call::ChannelListPurchasableSkus;
    let found = answer
        .skus()
        .iter()
        .find(|sku| sku.name().is_some() && is_ordered(ctx.order, sku));
    if let Some(sku) = found.and_then(|s| s.name()) {
        return Transition::To(
            ChannelStage::FindOffer {
                customer: customer.clone(),
                sku: sku.clone(),
                page: None,
                pages: 0,
                tally: OfferTally::default(),
                moved: ctx.moved.cloned(),
            },
            None,
        );
    }
    let seen = u32::try_from(answer.skus().len().saturating_add(answer.cut())).unwrap_or(u32::MAX);
    let listed = listed.saturating_add(seen);
    match paging(call, page, answer.next_page_token(), pages) {
        Ok(Paging::Next(next)) => Transition::To(
            ChannelStage::FindSku {
                customer: customer.clone(),
                page: Some(next),
                pages: pages + 1,
                listed,
                moved: ctx.moved.cloned(),
            },
            None,
        ),
        Ok(Paging::Last) => {
            let product = ctx.order.map_or_else(String::new, |o| {
                o.product().catalogue_entry().sku_name().to_owned()
            });
            let problem = ChoiceProblem::SkuNotOffered { product, listed };
            no_offer(ctx, customer, call, Report::of("order.product", problem))
        }
        Err(report) => no_offer(ctx, customer, call, report),
    }
}

/// A page of `listPurchasableOffers`, read in stage `FindOffer`.
pub(super) fn on_offers(
    ctx: &Context<'_>,
    customer: &CustomerName,
    sku: &SkuName,
    (page, pages, tally): (Option<&PageToken>, u32, &OfferTally),
    answer: &OfferPage,
) -> Result<Transition<ChannelStage>, JourneyError> {
    let call = Call::ChannelListPurchasableOffers;
    let plan = ctx.order.map_or(Plan::Flexible, Order::plan);
    let wanted = Wanted {
        account: ctx.account,
        sku,
        plan,
        deal_code: ctx.order.and_then(Order::deal_code).map(DealCode::as_str),
    };
    let mut tally = tally.clone();
    tally.count(call, &wanted, answer)?;
    Ok(match paging(call, page, answer.next_page_token(), pages) {
        Ok(Paging::Next(next)) => Transition::To(
            ChannelStage::FindOffer {
                customer: customer.clone(),
                sku: sku.clone(),
                page: Some(next),
                pages: pages + 1,
                tally,
                moved: ctx.moved.cloned(),
            },
            None,
        ),
        Ok(Paging::Last) => match tally.decide(call, plan) {
            Ok(fit) => Transition::To(
                ChannelStage::Entitle {
                    customer: customer.clone(),
                    chosen: Some(fit.offer),
                    moved: ctx.moved.cloned(),
                },
                None,
            ),
            Err(report) => no_offer(ctx, customer, call, report),
        },
        Err(report) => no_offer(ctx, customer, call, report),
    })
}

/// A stop on `call` with `report`.
fn stopped(call: Call, report: Report) -> Transition<ChannelStage> {
    Transition::To(ChannelStage::Stopped { call }, Some(report))
}

/// A page of `listTransferableSkus`, read in stage `TransferSkus`.
pub(super) fn on_transferable_skus(
    ctx: &Context<'_>,
    (customer, token): (&CustomerName, &TransferToken),
    (page, pages, skus): (Option<&PageToken>, u32, &[TransferSku]),
    answer: &TransferableSkuPage,
) -> Result<Transition<ChannelStage>, JourneyError> {
    let call = Call::ChannelListTransferableSkus;
    let mut skus = skus.to_vec();
    for listed in answer.skus() {
        let Some(name) = listed.sku().name() else {
            return Err(JourneyError::Unreadable {
                call,
                expected: Expected::SkuName,
                detail: None,
            });
        };
        if !listed.is_eligible() {
            let problem = ChoiceProblem::NotTransferable {
                sku: listed
                    .sku()
                    .display_name()
                    .unwrap_or(name.as_str())
                    .to_owned(),
                reason: listed.ineligibility_reason().map(str::to_owned),
                description: listed.description().map(str::to_owned),
            };
            return Ok(stopped(call, Report::of("domain", problem)));
        }
        if skus.iter().any(|s| &s.sku == name) {
            continue;
        }
        skus.push(TransferSku {
            sku: name.clone(),
            ordered: is_ordered(ctx.order, listed.sku()),
        });
        if skus.len() > MAX_TRANSFER_SKUS {
            let listed = u32::try_from(skus.len()).unwrap_or(u32::MAX);
            return Ok(stopped(
                call,
                Report::of("domain", ChoiceProblem::TooManySkus { listed }),
            ));
        }
    }
    let (customer, token) = (customer.clone(), token.clone());
    Ok(match paging(call, page, answer.next_page_token(), pages) {
        Ok(Paging::Next(next)) => Transition::To(
            ChannelStage::TransferSkus {
                customer,
                token,
                page: Some(next),
                pages: pages + 1,
                skus,
            },
            None,
        ),
        // Nothing to move: buy the order, if any.
        Ok(Paging::Last) if skus.is_empty() => {
            Transition::To(purchase_stage(ctx, &customer, Some(Vec::new())), None)
        }
        Ok(Paging::Last) => {
            let buy = ctx.order.is_some() && !skus.iter().any(|s| s.ordered);
            Transition::To(
                ChannelStage::TransferOffers {
                    customer,
                    token,
                    skus,
                    page: None,
                    pages: 0,
                    tally: OfferTally::default(),
                    chosen: Vec::new(),
                    buy,
                },
                None,
            )
        }
        Err(report) => stopped(call, report),
    })
}

/// The listing state of stage `TransferOffers`.
pub(super) struct OffersListing<'a> {
    pub(super) skus: &'a [TransferSku],
    pub(super) page: Option<&'a PageToken>,
    pub(super) pages: u32,
    pub(super) tally: &'a OfferTally,
    pub(super) chosen: &'a [TransferItem],
    pub(super) buy: bool,
}

/// A page of `listTransferableOffers` for `listing.skus[0]`, read in stage `TransferOffers`.
pub(super) fn on_transferable_offers(
    ctx: &Context<'_>,
    (customer, token): (&CustomerName, &TransferToken),
    listing: &OffersListing<'_>,
    answer: &OfferPage,
) -> Result<Transition<ChannelStage>, JourneyError> {
    let call = Call::ChannelListTransferableOffers;
    let Some((current, rest)) = listing.skus.split_first() else {
        return Ok(Transition::OutOfSequence(None));
    };
    let order = ctx.order.filter(|_| current.ordered);
    let plan = order.map_or(Plan::Flexible, Order::plan);
    let wanted = Wanted {
        account: ctx.account,
        sku: &current.sku,
        plan,
        deal_code: order.and_then(Order::deal_code).map(DealCode::as_str),
    };
    let mut tally = listing.tally.clone();
    tally.count(call, &wanted, answer)?;
    let (customer, token) = (customer.clone(), token.clone());
    let fit = match paging(call, listing.page, answer.next_page_token(), listing.pages) {
        Ok(Paging::Next(next)) => {
            return Ok(Transition::To(
                ChannelStage::TransferOffers {
                    customer,
                    token,
                    skus: listing.skus.to_vec(),
                    page: Some(next),
                    pages: listing.pages + 1,
                    tally,
                    chosen: listing.chosen.to_vec(),
                    buy: listing.buy,
                },
                None,
            ));
        }
        Ok(Paging::Last) => match tally.decide(call, plan) {
            Ok(fit) => fit,
            Err(report) => return Ok(stopped(call, report)),
        },
        Err(report) => return Ok(stopped(call, report)),
    };
    let seats = fit
        .min_units
        .unwrap_or(1)
        .max(order.map_or(1, Order::seats));
    let mut chosen = listing.chosen.to_vec();
    chosen.push(TransferItem::new(
        fit.offer,
        plan,
        seats,
        order.and_then(Order::purchase_order_id).cloned(),
    ));
    let stage = if rest.is_empty() {
        ChannelStage::Transfer {
            customer,
            token,
            items: chosen,
            buy: listing.buy,
        }
    } else {
        ChannelStage::TransferOffers {
            customer,
            token,
            skus: rest.to_vec(),
            page: None,
            pages: 0,
            tally: OfferTally::default(),
            chosen,
            buy: listing.buy,
        }
    };
    Ok(Transition::To(stage, None))
}
