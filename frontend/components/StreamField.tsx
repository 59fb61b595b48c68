/**
 * The treatment body: one component per block type, chosen by the block's `type`. The map is
 * typed against the generated schema, so a block type added to the CMS (and regenerated into
 * clients/typescript) fails the build here until it has a component.
 */
import type { Block, BlockType, BodyBlock } from "@clinic-cms/client";
import type { ComponentType } from "react";

import { Benefits } from "./blocks/Benefits";
import { Comparison } from "./blocks/Comparison";
import { Conditions } from "./blocks/Conditions";
import { Cta } from "./blocks/Cta";
import { Evidence } from "./blocks/Evidence";
import { Faq } from "./blocks/Faq";
import { ImageBlock } from "./blocks/ImageBlock";
import { PriceCoverage } from "./blocks/PriceCoverage";
import { Quote } from "./blocks/Quote";
import { Safety } from "./blocks/Safety";
import { Section } from "./blocks/Section";
import { Steps } from "./blocks/Steps";

const COMPONENTS: { [T in BlockType]: ComponentType<Block<T>> } = {
  section: Section,
  benefits: Benefits,
  conditions: Conditions,
  steps: Steps,
  safety: Safety,
  evidence: Evidence,
  comparison: Comparison,
  faq: Faq,
  quote: Quote,
  cta: Cta,
  image: ImageBlock,
  price: PriceCoverage,
};

export function StreamField({ blocks }: { blocks: BodyBlock[] }) {
  return (
    <>
      {blocks.map((block, index) => {
        const Component = COMPONENTS[block.type] as ComponentType<BodyBlock>;
        return <Component key={block.id ?? index} {...block} />;
      })}
    </>
  );
}
