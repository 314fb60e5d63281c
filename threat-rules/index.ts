// The built-in rule catalogue: one rule per file, registered here in id order (a test keeps it sorted
// and checks that every file is registered and every rule has its table test).
import type { Rule } from '../models/rule.js';
import { rule as authSingleFactor } from './auth-single-factor.js';
import { rule as channelMutualAuth } from './channel-mutual-auth.js';
import { rule as devProductionAccess } from './dev-production-access.js';
import { rule as devProductionData } from './dev-production-data.js';
import { rule as devVulnerability } from './dev-vulnerability.js';
import { rule as disasterBackupSameSite } from './disaster-backup-same-site.js';
import { rule as disasterNoBcp } from './disaster-no-bcp.js';
import { rule as displayPeeking } from './display-peeking.js';
import { rule as disposalNoEvidence } from './disposal-no-evidence.js';
import { rule as eolSoftware } from './eol-software.js';
import { rule as externalStorage } from './external-storage.js';
import { rule as inputInjection } from './input-injection.js';
import { rule as inputSpoofing } from './input-spoofing.js';
import { rule as internetExposure } from './internet-exposure.js';
import { rule as legalRecordAuthenticity } from './legal-record-authenticity.js';
import { rule as logLeak } from './log-leak.js';
import { rule as logRetentionShort } from './log-retention-short.js';
import { rule as malwareEndpoint } from './malware-endpoint.js';
import { rule as mediaLoss } from './media-loss.js';
import { rule as mediaUnencrypted } from './media-unencrypted.js';
import { rule as mediaUsbMedical } from './media-usb-medical.js';
import { rule as objectSecurity } from './object-security.js';
import { rule as outageSinglePoint } from './outage-single-point.js';
import { rule as paperDisposal } from './paper-disposal.js';
import { rule as physicalIntrusion } from './physical-intrusion.js';
import { rule as portableCache } from './portable-cache.js';
import { rule as printTakeaway } from './print-takeaway.js';
import { rule as processingIntegrity } from './processing-integrity.js';
import { rule as ransomware } from './ransomware.js';
import { rule as remoteMaintenance } from './remote-maintenance.js';
import { rule as responsibilityGap } from './responsibility-gap.js';
import { rule as storageIntegrity } from './storage-integrity.js';
import { rule as storageOutsideJapan } from './storage-outside-japan.js';
import { rule as temporaryRetention } from './temporary-retention.js';
import { rule as terminationDataLeft } from './termination-data-left.js';
import { rule as transferEavesdropping } from './transfer-eavesdropping.js';
import { rule as transferIpsecNoIke } from './transfer-ipsec-no-ike.js';
import { rule as transferSslVpnClientless } from './transfer-ssl-vpn-clientless.js';
import { rule as transferTlsLegacy } from './transfer-tls-legacy.js';
import { rule as vpnRelay } from './vpn-relay.js';
import { rule as vpnSeparation } from './vpn-separation.js';
import { rule as wlanAccessControl } from './wlan-access-control.js';

export const BUILTIN_RULES: readonly Rule[] = Object.freeze([
  authSingleFactor,
  channelMutualAuth,
  devProductionAccess,
  devProductionData,
  devVulnerability,
  disasterBackupSameSite,
  disasterNoBcp,
  displayPeeking,
  disposalNoEvidence,
  eolSoftware,
  externalStorage,
  inputInjection,
  inputSpoofing,
  internetExposure,
  legalRecordAuthenticity,
  logLeak,
  logRetentionShort,
  malwareEndpoint,
  mediaLoss,
  mediaUnencrypted,
  mediaUsbMedical,
  objectSecurity,
  outageSinglePoint,
  paperDisposal,
  physicalIntrusion,
  portableCache,
  printTakeaway,
  processingIntegrity,
  ransomware,
  remoteMaintenance,
  responsibilityGap,
  storageIntegrity,
  storageOutsideJapan,
  temporaryRetention,
  terminationDataLeft,
  transferEavesdropping,
  transferIpsecNoIke,
  transferSslVpnClientless,
  transferTlsLegacy,
  vpnRelay,
  vpnSeparation,
  wlanAccessControl,
]);
