package org.tresor.crypto.internal;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.function.Function;
import java.util.function.Supplier;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator.Block;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator.BlockPool;

/**
 * Argon2's memory blocks, kept between SecuPass checks while the heap has room for them. A check over 64 MiB
 * otherwise allocates 65,536 new blocks, which a small heap copies through several young collections while
 * they are in use: inside the server that nearly doubled the time of a check. Kept blocks are wiped
 * (BouncyCastle clears each one before returning it) and held softly: they cost 64 MiB of heap while kept
 * (concurrent uploads then see more collections), but the collector takes them back before it would fail a
 * request for want of memory. A check that finds the pool empty, or dropped, allocates its blocks anew.
 */
public final class Argon2BlockPool implements BlockPool {

	private final int maxBlocks;

	private final Function<ArrayDeque<Block>, Supplier<ArrayDeque<Block>>> holder;

	/** The kept blocks, or null: none kept yet, or the collector took them. */
	private Supplier<ArrayDeque<Block>> kept = () -> null;

	/** Keeps up to {@code maxBlocks} blocks (1 KiB each), softly. */
	public Argon2BlockPool(int maxBlocks) {
		this(maxBlocks, blocks -> new SoftReference<>(blocks)::get);
	}

	/** {@code holder} holds the kept blocks as a soft reference does: until it gives null. */
	Argon2BlockPool(int maxBlocks, Function<ArrayDeque<Block>, Supplier<ArrayDeque<Block>>> holder) {
		this.maxBlocks = maxBlocks;
		this.holder = holder;
	}

	@Override
	public synchronized Block allocate() {
		ArrayDeque<Block> blocks = kept.get();
		return blocks == null || blocks.isEmpty() ? new Block() : blocks.pop();
	}

	@Override
	public synchronized void deallocate(Block block) {
		ArrayDeque<Block> blocks = kept.get();
		if (blocks == null) {
			blocks = new ArrayDeque<>();
			kept = holder.apply(blocks);
		}
		if (blocks.size() < maxBlocks) {
			blocks.push(block);
		}
	}
}
