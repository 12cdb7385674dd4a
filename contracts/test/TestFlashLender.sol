// SPDX-License-Identifier: UNLICENSED
pragma solidity ^0.8.28;

import {IERC20, IERC3156FlashLender, IERC3156FlashBorrower} from "../Interfaces.sol";

/// Minimal ERC-3156 lender for local tests: lends what it holds for a fee in basis points.
contract TestFlashLender is IERC3156FlashLender {
    uint256 public immutable feeBps;

    constructor(uint256 feeBps_) {
        feeBps = feeBps_;
    }

    function maxFlashLoan(address token) external view returns (uint256) {
        return IERC20(token).balanceOf(address(this));
    }

    function flashFee(address, uint256 amount) public view returns (uint256) {
        return (amount * feeBps + 9999) / 10000;
    }

    function flashLoan(IERC3156FlashBorrower receiver, address token, uint256 amount, bytes calldata data)
        external
        returns (bool)
    {
        uint256 fee = flashFee(token, amount);
        require(IERC20(token).transfer(address(receiver), amount), "lend");
        require(
            receiver.onFlashLoan(msg.sender, token, amount, fee, data) == keccak256("ERC3156FlashBorrower.onFlashLoan"),
            "callback"
        );
        require(IERC20(token).transferFrom(address(receiver), address(this), amount + fee), "repay");
        return true;
    }
}
