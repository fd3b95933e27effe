//! Layer 6, persist: a saved [`Journey`], reloaded only as a state the journey could reach.

use serde::de::{self, Deserializer};
use serde::ser::Serializer;
use serde::{Deserialize, Serialize};

use crate::customer::{CloudIdentityId, Customer};
use crate::journey::{
    Journey, Parts, Retrying, RouteParts, StoredChannelStage, StoredResellerStage,
};
use crate::order::OfferName;
use crate::report::Report;
use crate::wire::{RequestId, TransferToken};

/// The stored shape: `{"api", …the route's parts, "customer": {the form}, "retrying", "report"}`.
#[derive(Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Stored {
    #[serde(flatten)]
    route: StoredRoute,
    customer: Customer,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retrying: Option<Retrying>,
    #[serde(default, skip_serializing_if = "Report::is_empty")]
    report: Report,
}

#[derive(Serialize, Deserialize)]
#[serde(tag = "api", rename_all = "lowercase", rename_all_fields = "camelCase")]
enum StoredRoute {
    Channel {
        #[serde(default)]
        account: Option<CloudIdentityId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        request_id: Option<RequestId>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        offer: Option<OfferName>,
        #[serde(default, skip_serializing_if = "std::ops::Not::not")]
        validate_only: bool,
        stage: StoredChannelStage,
    },
    Reseller {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<TransferToken>,
        stage: StoredResellerStage,
    },
}

/// Serialises as the customer (the form that validates into it), what the caller gave, the
/// stage, the retry and a stopped journey's report; never a request body.
impl Serialize for Journey {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let Parts {
            customer,
            route,
            retrying,
            report,
        } = self.to_parts();
        let route = match route {
            RouteParts::Channel {
                account,
                request_id,
                offer,
                validate_only,
                stage,
            } => StoredRoute::Channel {
                account,
                request_id,
                offer,
                validate_only,
                stage,
            },
            RouteParts::Reseller { token, stage } => StoredRoute::Reseller { token, stage },
        };
        Stored {
            route,
            customer,
            retrying,
            report,
        }
        .serialize(serializer)
    }
}

/// Validates the stored customer again (as a saved [`Customer`] is), makes the bodies again
/// from it, and accepts the stage only if the journey could have reached it.
impl<'de> Deserialize<'de> for Journey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Stored {
            route,
            customer,
            retrying,
            report,
        } = Stored::deserialize(deserializer)?;
        let route = match route {
            StoredRoute::Channel {
                account,
                request_id,
                offer,
                validate_only,
                stage,
            } => RouteParts::Channel {
                account,
                request_id,
                offer,
                validate_only,
                stage,
            },
            StoredRoute::Reseller { token, stage } => RouteParts::Reseller { token, stage },
        };
        Journey::restore(Parts {
            customer,
            route,
            retrying,
            report,
        })
        .map_err(de::Error::custom)
    }
}
