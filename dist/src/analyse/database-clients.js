// Recognises database client and connection creation (pg, mysql, MongoDB, Redis, ORMs) by package and export.
const FACTORIES = [
    { packages: ['pg'], path: ['Client'], how: 'new', name: 'pg.Client' },
    { packages: ['pg'], path: ['Pool'], how: 'new', name: 'pg.Pool' },
    { packages: ['pg'], path: ['native', 'Client'], how: 'new', name: 'pg.Client' },
    { packages: ['pg'], path: ['native', 'Pool'], how: 'new', name: 'pg.Pool' },
    { packages: ['mysql', 'mysql2', 'mysql2/promise'], path: ['createConnection'], how: 'call', name: 'mysql.createConnection' },
    { packages: ['mysql', 'mysql2', 'mysql2/promise'], path: ['createPool'], how: 'call', name: 'mysql.createPool' },
    { packages: ['mysql', 'mysql2', 'mysql2/promise'], path: ['createPoolCluster'], how: 'call', name: 'mysql.createPoolCluster' },
    { packages: ['mongodb'], path: ['MongoClient'], how: 'new', name: 'MongoClient' },
    { packages: ['mongodb'], path: ['MongoClient', 'connect'], how: 'call', name: 'MongoClient.connect' },
    { packages: ['mongoose'], path: ['connect'], how: 'call', name: 'mongoose.connect' },
    { packages: ['mongoose'], path: ['createConnection'], how: 'call', name: 'mongoose.createConnection' },
    { packages: ['redis', '@redis/client'], path: ['createClient'], how: 'call', name: 'redis.createClient' },
    { packages: ['redis', '@redis/client'], path: ['createCluster'], how: 'call', name: 'redis.createCluster' },
    { packages: ['ioredis'], path: [], how: 'new', name: 'Redis' },
    { packages: ['ioredis'], path: ['Redis'], how: 'new', name: 'Redis' },
    { packages: ['ioredis'], path: ['Cluster'], how: 'new', name: 'Redis.Cluster' },
    { packages: ['knex'], path: [], how: 'call', name: 'knex' },
    { packages: ['knex'], path: ['knex'], how: 'call', name: 'knex' },
    { packages: ['sequelize'], path: ['Sequelize'], how: 'new', name: 'Sequelize' },
    { packages: ['sequelize'], path: [], how: 'new', name: 'Sequelize' },
    { packages: ['@prisma/client'], path: ['PrismaClient'], how: 'new', name: 'PrismaClient' },
    { packages: ['typeorm'], path: ['DataSource'], how: 'new', name: 'DataSource' },
    { packages: ['typeorm'], path: ['createConnection'], how: 'call', name: 'typeorm.createConnection' },
    { packages: ['@neondatabase/serverless'], path: ['neon'], how: 'call', name: 'neon' },
    { packages: ['@neondatabase/serverless'], path: ['Pool'], how: 'new', name: 'neon.Pool' },
    { packages: ['@neondatabase/serverless'], path: ['Client'], how: 'new', name: 'neon.Client' },
    { packages: ['postgres'], path: [], how: 'call', name: 'postgres' },
    { packages: ['mssql'], path: ['ConnectionPool'], how: 'new', name: 'mssql.ConnectionPool' },
    { packages: ['mssql'], path: ['connect'], how: 'call', name: 'mssql.connect' },
    { packages: ['oracledb'], path: ['getConnection'], how: 'call', name: 'oracledb.getConnection' },
    { packages: ['oracledb'], path: ['createPool'], how: 'call', name: 'oracledb.createPool' },
];
/** The display name of the database client `new`/called here, or undefined when it is not one. */
export function databaseFactoryName(packageName, path, how) {
    const factory = FACTORIES.find((f) => f.how === how && f.packages.includes(packageName) && f.path.length === path.length && f.path.every((part, i) => part === path[i]));
    return factory?.name;
}
