//! Who decides about each kind of data, and where it is processed: what the operator
//! controls, what it processes for business customers (GDPR Art. 28), and what never
//! leaves the user's device. The per-category answers are `DataCategory::role`,
//! `stays_on` and `encrypted_locally`; this file owns what is said once for all of
//! the customers' data, and the questions every layer asks of a category.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::DataCategory;
use super::values::Period;
use super::vocab::{DataRole, NoticeChannel};

/// What the policy says once about data processed on business customers' behalf.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CustomerData {
    /// Who the customers are, as a reader knows them ("the companies that use
    /// Shipdesk for their support"). Left out, the policy says "our customers".
    #[serde(default)]
    pub customers: Option<String>,
    /// Where customers find the data processing agreement that binds the operator as
    /// their processor (GDPR Art. 28(3)).
    #[serde(default)]
    pub dpa_url: Option<String>,
    /// Anything else worth saying ("If you write to a company that uses Shipdesk,
    /// your message is handled under that company's privacy policy.").
    #[serde(default)]
    pub details: Option<String>,
}

/// How business customers hear of an intended change of the operator's
/// sub-processors, and object to it. GDPR Art. 28(2): a processor with the
/// controller's general written authorisation to engage other processors informs it
/// of any intended addition or replacement, giving it the opportunity to object;
/// Art. 28(4) binds the other processor to the same obligations.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SubprocessorChanges {
    /// How customers are told.
    #[serde(default)]
    pub notify_by: Vec<NoticeChannel>,
    /// Where customers subscribe to the notices (a mailing list, a feed, a page to
    /// follow).
    #[serde(default)]
    pub subscribe_url: Option<String>,
    /// How long before the change takes effect ("30 days").
    #[serde(default)]
    pub notice_period: Option<Period>,
    /// How a customer objects, completing "They can object ..." ("by replying to the
    /// notice within 14 days").
    #[serde(default)]
    pub object_by: Option<String>,
}

impl DataCategory {
    /// The operator processes this data for a business customer, who decides.
    pub fn is_customers(&self) -> bool {
        self.role == Some(DataRole::Processor)
    }

    /// This data never leaves the user's device or browser.
    pub fn is_local(&self) -> bool {
        self.stays_on.is_some()
    }

    /// The operator decides about this data and receives it: the data every
    /// controller-only duty (legal bases, retention, required or not, rights
    /// handled by the operator) is about.
    pub fn is_controlled(&self) -> bool {
        !self.is_customers() && !self.is_local()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::vocab::LocalPlace;

    #[test]
    fn a_category_is_controlled_unless_it_is_customers_or_stays_local() {
        let mut c = DataCategory::default();
        assert!(c.is_controlled());
        c.role = Some(DataRole::Controller);
        assert!(c.is_controlled());
        c.role = Some(DataRole::Processor);
        assert!(c.is_customers() && !c.is_controlled());
        c.role = None;
        c.stays_on = Some(LocalPlace::Browser);
        assert!(c.is_local() && !c.is_controlled());
    }
}
