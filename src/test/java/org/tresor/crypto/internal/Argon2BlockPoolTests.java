package org.tresor.crypto.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;
import org.junit.jupiter.api.Test;

/** Blocks given back are handed out again, up to a maximum, until the collector takes them. */
class Argon2BlockPoolTests {

	private final List<Holder> holders = new ArrayList<>();

	private final Argon2BlockPool pool = new Argon2BlockPool(2, blocks -> {
		var holder = new Holder(blocks);
		holders.add(holder);
		return holder;
	});

	@Test
	void handsOutABlockGivenBack() {
		Block block = pool.allocate();
		pool.deallocate(block);

		assertThat(pool.allocate()).isSameAs(block);
	}

	@Test
	void allocatesANewBlockWhenNoneIsKept() {
		Block first = pool.allocate();

		assertThat(pool.allocate()).isNotNull().isNotSameAs(first);
	}

	@Test
	void keepsNoMoreBlocksThanItsMaximum() {
		Block first = pool.allocate();
		Block second = pool.allocate();
		Block third = pool.allocate();
		pool.deallocate(first);
		pool.deallocate(second);
		pool.deallocate(third);

		List<Block> handedOut = List.of(pool.allocate(), pool.allocate(), pool.allocate());

		assertThat(handedOut).filteredOn(block -> block == first || block == second).hasSize(2);
		assertThat(handedOut).noneMatch(block -> block == third);
	}

	@Test
	void allocatesAnewOnceTheCollectorTookTheKeptBlocks() {
		Block block = pool.allocate();
		pool.deallocate(block);
		holders.forEach(Holder::drop);

		assertThat(pool.allocate()).isNotSameAs(block);
	}

	@Test
	void keepsBlocksAgainAfterTheCollectorTookThem() {
		pool.deallocate(pool.allocate());
		holders.forEach(Holder::drop);
		Block block = pool.allocate();
		pool.deallocate(block);

		assertThat(pool.allocate()).isSameAs(block);
	}

	/** Holds the kept blocks until the test drops them, as the collector drops a soft reference's. */
	private static final class Holder implements Supplier<ArrayDeque<Block>> {

		private ArrayDeque<Block> blocks;

		Holder(ArrayDeque<Block> blocks) {
			this.blocks = blocks;
		}

		@Override
		public ArrayDeque<Block> get() {
			return blocks;
		}

		void drop() {
			blocks = null;
		}
	}
}
