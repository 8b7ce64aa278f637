import { expect } from 'chai';
import { Builder, from, HamiltonError, node, to } from 'hamilton-ts';
import { serverUrl } from '../integrations/servers.js';

class Orders {
  @node()
  // Rows, the type from.postgres loads in its place (a node typed as columns would not compile with it).
  orders(): { id: number | string; item: string; price: number; paid: boolean }[] {
    return [
      { id: 1, item: 'tea', price: 2.5, paid: true },
      { id: 2, item: 'cake', price: 4, paid: false },
      { id: 3, item: 'jam', price: 3.25, paid: true },
    ];
  }
  @node()
  revenue(orders: { price: number }[]): number {
    return orders.reduce((sum, o) => sum + o.price, 0);
  }
}

describe('io/postgres (a real server): a table from rows, a query to rows', () => {
  it('saves a table in one transaction and loads it back through the AsyncDriver', async () => {
    const url = serverUrl('HAMILTON_TEST_POSTGRES_URL');
    const dr = await new Builder().withModules(Orders).buildAsync();
    const [metadata] = await dr.materialize([to.postgres({ id: 'saveOrders', dependencies: ['orders'], url, table: 'io_orders' })]);
    expect(metadata.saveOrders).to.include({ rows: 3, format: 'postgres' });
    expect(metadata.saveOrders.uri).to.match(/#io_orders$/);
    const [, values] = await dr.materialize([from.postgres({ target: 'orders', url, query: 'SELECT * FROM io_orders ORDER BY id' })], {
      additionalVars: ['orders', 'revenue'],
    });
    expect(values.revenue).to.equal(9.75);
    expect((values.orders as unknown[])[1]).to.deep.equal({ id: '2', item: 'cake', price: 4, paid: false });
  });

  it('a table name that could be SQL is refused before connecting', async () => {
    const dr = await new Builder().withModules(Orders).buildAsync();
    const url = serverUrl('HAMILTON_TEST_POSTGRES_URL');
    await dr.materialize([to.postgres({ id: 's', dependencies: ['orders'], url, table: 'x; DROP TABLE y' })]).then(
      () => expect.fail('should have refused'),
      (error: unknown) =>
        expect(error)
          .to.be.instanceOf(HamiltonError)
          .and.have.property('message')
          .that.matches(/not a plain SQL name/),
    );
  });
});
