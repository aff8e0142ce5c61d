// A real OpenID Connect provider (node oidc-provider) for Cap's browser tests: one confidential client (Cap), a few
// accounts with ProConnect-like claims, the provider's development login form (any password; the login is the
// account's `sub`), no consent screen, and RP-initiated logout that confirms itself.
//
//   node server.mjs --port 5099 --client-url http://127.0.0.1:5100
//
// Prints "listening <issuer>" once ready. GET /__events lists what happened (logins, end_session calls) for the tests.
import Provider from 'oidc-provider';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const port = Number(arg('port', '5099'));
const clientUrl = arg('client-url', 'http://127.0.0.1:5100').replace(/\/$/, '');
const issuer = `http://127.0.0.1:${port}`;

// The accounts: `sub` is what the tester types in the login field.
const accounts = {
  'nouvelle-agente': { email: 'nora.agente@sante.gouv.fr', email_verified: true, idp_id: 'idp-ministeres-sociaux', given_name: 'Nora', usual_name: 'Agente' },
  'hors-liste': { email: 'quelquun@exemple.com', email_verified: true, idp_id: 'idp-autre', given_name: 'Quelqu’un', usual_name: 'Dehors' },
  'non-verifiee': { email: 'helene.petit@demo.cap.gouv.fr', email_verified: false, idp_id: 'idp-ministeres-sociaux', given_name: 'Hélène', usual_name: 'Petit' },
  'usurpateur': { email: 'jean.dupont@demo.cap.gouv.fr', email_verified: true, idp_id: 'idp-autre', given_name: 'Jean', usual_name: 'Dupont' },
  'camille-proconnect': { email: 'camille.martin@demo.cap.gouv.fr', email_verified: true, idp_id: 'idp-ministeres-sociaux', given_name: 'Camille', usual_name: 'Martin' },
};

const events = [];

const configuration = {
  clients: [{
    client_id: 'cap-tests',
    client_secret: 'cap-tests-secret-not-for-production',
    redirect_uris: [`${clientUrl}/signin-oidc`],
    post_logout_redirect_uris: [`${clientUrl}/signout-callback-oidc`],
    grant_types: ['authorization_code'],
    response_types: ['code'],
    token_endpoint_auth_method: 'client_secret_post',
  }],
  // ProConnect asks one scope per claim.
  scopes: ['openid', 'email', 'given_name', 'usual_name', 'idp_id', 'uid'],
  claims: {
    openid: ['sub'],
    email: ['email', 'email_verified'],
    given_name: ['given_name'],
    usual_name: ['usual_name'],
    idp_id: ['idp_id'],
    uid: ['uid'],
  },
  cookies: { keys: ['cap-tests-cookie-key-1'] },
  pkce: { required: () => true },
  features: {
    devInteractions: { enabled: true },
    rpInitiatedLogout: {
      enabled: true,
      // Confirms the logout at once (a real provider would ask); the test checks that the request reached this point.
      logoutSource: async (ctx, form) => {
        ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Logout</title></head><body>
          ${form}<input type="hidden" form="op.logoutForm" name="logout" value="yes">
          <script>document.forms['op.logoutForm'].submit();</script></body></html>`;
      },
    },
  },
  async findAccount(ctx, sub) {
    const account = accounts[sub];
    if (!account) {
      return undefined;
    }
    return {
      accountId: sub,
      async claims() {
        return { sub, uid: sub, ...account };
      },
    };
  },
  // First-party client: no consent screen, the grant covers what Cap asked.
  async loadExistingGrant(ctx) {
    const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
    if (grantId) {
      const existing = await ctx.oidc.provider.Grant.find(grantId);
      if (existing) {
        return existing;
      }
    }
    const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
    grant.addOIDCScope([...ctx.oidc.requestParamScopes].join(' '));
    await grant.save();
    return grant;
  },
  ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 3600 },
};

const provider = new Provider(issuer, configuration);
provider.proxy = false;

provider.use(async (ctx, next) => {
  if (ctx.path === '/__events') {
    ctx.type = 'json';
    ctx.body = JSON.stringify(events);
    return;
  }
  if (ctx.path === '/session/end' && ctx.method === 'GET') {
    events.push({ type: 'end_session', id_token_hint: Boolean(ctx.query.id_token_hint), post_logout_redirect_uri: ctx.query.post_logout_redirect_uri ?? null });
  }
  await next();
});
provider.on('end_session.success', () => events.push({ type: 'end_session.success' }));
provider.on('authorization.success', (ctx) => events.push({ type: 'authorization', sub: ctx.oidc.session?.accountId ?? null }));
provider.on('interaction.started', (ctx, prompt) => events.push({ type: 'interaction', prompt: prompt.name }));

provider.listen(port, '127.0.0.1', () => {
  console.log(`listening ${issuer}`);
});
