// Run by the mongo-init Job as `mongosh --nodb --file`: initiates the replica set once, then creates or updates one
// user per service holding readWrite on that service's own database only. Every step is idempotent and retried,
// so the Job can start before the members are up and can run again at any time.
const env = process.env;
const replicaSet = env.REPLICA_SET;
const members = env.MEMBERS.split(',');
const attempts = 120;
const pauseMillis = 5000;

function adminUri(hosts, options) {
  const credentials = `${encodeURIComponent(env.ADMIN_USERNAME)}:${encodeURIComponent(env.ADMIN_PASSWORD)}`;
  return `mongodb://${credentials}@${hosts}/admin?authSource=admin&${options}`;
}

function retry(what, action) {
  for (let attempt = 1; ; attempt++) {
    try {
      return action();
    } catch (e) {
      if (attempt >= attempts) {
        throw e;
      }
      print(`${what}: ${e.message} (attempt ${attempt}/${attempts}, retrying in ${pauseMillis / 1000} s)`);
      sleep(pauseMillis);
    }
  }
}

function initiated(admin) {
  try {
    admin.adminCommand({ replSetGetStatus: 1 });
    return true;
  } catch (e) {
    if (e.code === 94 || e.codeName === 'NotYetInitialized') {
      return false;
    }
    throw e;
  }
}

retry(`initiating ${replicaSet} through ${members[0]}`, () => {
  const seed = new Mongo(adminUri(members[0], 'directConnection=true')).getDB('admin');
  if (initiated(seed)) {
    print(`replica set ${replicaSet} already initiated`);
    return;
  }
  seed.adminCommand({
    replSetInitiate: { _id: replicaSet, members: members.map((host, index) => ({ _id: index, host: host })) },
  });
  print(`replica set ${replicaSet} initiated with ${members.join(', ')}`);
});

const primary = retry('waiting for a primary', () => {
  const admin = new Mongo(adminUri(members.join(','), `replicaSet=${replicaSet}`)).getDB('admin');
  if (!admin.hello().primary) {
    throw new Error('no primary elected yet');
  }
  return admin;
});

const serviceUsers = [
  { database: 'catalog', user: env.CATALOG_USERNAME, pwd: env.CATALOG_PASSWORD },
  { database: 'references', user: env.REFERENCES_USERNAME, pwd: env.REFERENCES_PASSWORD },
  { database: 'imports', user: env.IMPORTS_USERNAME, pwd: env.IMPORTS_PASSWORD },
];

for (const { database, user, pwd } of serviceUsers) {
  retry(`user ${user} on ${database}`, () => {
    const db = primary.getSiblingDB(database);
    const roles = [{ role: 'readWrite', db: database }];
    if (db.getUser(user) === null) {
      db.createUser({ user: user, pwd: pwd, roles: roles }, { w: 'majority' });
      print(`created user ${user} (readWrite on ${database})`);
    } else {
      db.updateUser(user, { pwd: pwd, roles: roles }, { w: 'majority' });
      print(`updated user ${user} (readWrite on ${database})`);
    }
  });
}
