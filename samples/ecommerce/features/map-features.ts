import { Series } from 'danfojs';
import { node, tag } from 'hamilton-ts';

/** Budget above which a client counts as a high roller, in dollars a month. */
export const HIGH_ROLLER_BUDGET = 1000;

/** Map features: one value per row from that row alone, the same in every mode ("write once, run everywhere"). */
export class MapFeatures {
  @node({ doc: "Whether the client declared gender 'male'." })
  @tag({ owner: 'data-science' })
  isMale(gender: Series): Series {
    return gender.map((g) => g === 'male');
  }

  @node({ doc: "Whether the client declared gender 'female'." })
  @tag({ owner: 'data-science' })
  isFemale(gender: Series): Series {
    return gender.map((g) => g === 'female');
  }

  @node({ doc: `Whether the declared budget is above ${HIGH_ROLLER_BUDGET} dollars a month.` })
  @tag({ owner: 'data-science' })
  isHighRoller(budget: Series): Series {
    return budget.gt(HIGH_ROLLER_BUDGET);
  }
}
